import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AlertCleared,
  AlertRaised,
  AlertSuppressed,
  AlertUpdated,
  alertKey,
  type AlertEvidence,
} from '@wage/contracts';
import { ABSENCE_RULES, type Finding, type ParameterSource, type ProjectMonthVerdict } from '@wage/domain';
import { newEvent, OutboxWriter, type NewEvent } from '@wage/platform';
import { AlertsRepository, type AlertChange } from './alerts.repository';
import { EVALUATION_SETTINGS, type EvaluationSettings } from './evaluation-settings';

export type RuleVerdict = ProjectMonthVerdict;

export interface LedgerCounts {
  raised: number;
  updated: number;
  cleared: number;
}

/** Facts that change every day an alert stays open; a change in them alone is not new evidence. */
const DAILY_FACTS = new Set(['daysOverdue', 'daysLate']);

/**
 * The engine's record of what it published per alert key, reconciled with the rules' verdicts: a new finding is
 * raised, a changed one updated, a vanished one cleared, a suppressed one recorded once. An absence verdict is
 * held as pending first and raised only once it has held for the settle period; one that data end before then is
 * forgotten unpublished. A withheld verdict (data possibly still arriving) leaves the alert as it is. The events
 * go to the outbox in the caller's transaction with the row changes, so re-evaluation or redelivery never repeats
 * one.
 */
@Injectable()
export class AlertLedger {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(EVALUATION_SETTINGS) private readonly settings: EvaluationSettings,
  ) {}

  async reconcile(
    manager: EntityManager,
    project: { code: string; regionCode: string; gridCode?: string },
    verdicts: readonly RuleVerdict[],
    asOf: Date,
  ): Promise<LedgerCounts> {
    const keys = verdicts.map((v) => alertKey(v.code, project.code, v.month));
    const existing = new Map(
      (await this.alerts.lockForUpdate(manager, keys)).map((record) => [record.alertKey, record]),
    );
    const events: NewEvent[] = [];
    const counts: LedgerCounts = { raised: 0, updated: 0, cleared: 0 };
    const detectedAt = asOf.toISOString();

    const settleMs = this.settings.settleSeconds * 1000;
    for (const verdict of verdicts) {
      if (verdict.withheld !== undefined) continue;
      const key = alertKey(verdict.code, project.code, verdict.month);
      const record = existing.get(key);
      const about = {
        alertKey: key,
        code: verdict.code,
        projectCode: project.code,
        regionCode: project.regionCode,
        ...(project.gridCode !== undefined && { gridCode: project.gridCode }),
        month: verdict.month,
      };
      if (verdict.finding === null) {
        if (record?.status === 'PENDING') await this.alerts.endPending(manager, key);
        if (record?.status === 'OPEN' && record.raisedAt !== null) {
          await this.alerts.clear(manager, key, asOf);
          events.push(
            newEvent(AlertCleared, project.code, {
              ...about,
              severity: record.severity,
              title: record.title,
              evidence: record.evidence,
              raisedAt: record.raisedAt.toISOString(),
              clearedAt: detectedAt,
              durationSeconds: Math.max(0, Math.floor((asOf.getTime() - record.raisedAt.getTime()) / 1000)),
            }),
          );
          counts.cleared += 1;
        }
        continue;
      }
      const alert = {
        ...about,
        severity: verdict.finding.severity,
        title: verdict.finding.title,
        evidence: toContractEvidence(verdict.finding, verdict.parameterSources),
      };
      if (verdict.suppression.suppressed) {
        // Recorded once per status; an open alert stays as it is (the condition has not ended). A verdict still
        // pending is never raised now: it is forgotten, and raised afresh (after settling) if work resumes.
        if (record?.status === 'PENDING') await this.alerts.endPending(manager, key);
        const { status, reason } = verdict.suppression;
        if (await this.alerts.recordSuppression(manager, key, status, asOf)) {
          events.push(
            newEvent(AlertSuppressed, project.code, {
              ...alert,
              evidence: { ...alert.evidence, facts: { ...alert.evidence.facts, suppressedBecause: reason } },
              projectStatus: status,
              detectedAt,
            }),
          );
        }
        continue;
      }
      const change: AlertChange = { ...alert, evidenceHash: evidenceHash(alert.evidence) };
      const settles = ABSENCE_RULES.has(verdict.code) && settleMs > 0;
      if (settles && (record === undefined || record.status === 'CLEARED')) {
        await this.alerts.holdPending(manager, change, asOf);
        continue;
      }
      if (
        settles &&
        record?.status === 'PENDING' &&
        asOf.getTime() - (record.pendingSince ?? asOf).getTime() < settleMs
      ) {
        await this.alerts.touchPending(manager, change);
        continue;
      }
      if (record === undefined || record.status !== 'OPEN') {
        await this.alerts.open(manager, change, asOf);
        events.push(newEvent(AlertRaised, project.code, { ...alert, detectedAt }));
        counts.raised += 1;
      } else if (record.severity !== alert.severity || record.evidenceHash !== change.evidenceHash) {
        await this.alerts.update(manager, change);
        events.push(
          newEvent(AlertUpdated, project.code, { ...alert, previousSeverity: record.severity, detectedAt }),
        );
        counts.updated += 1;
      }
    }
    await this.outbox.append(manager, events);
    return counts;
  }
}

/**
 * The finding's evidence as the alert contract has it. The contract's `parameters` holds plain values, so the
 * rule version and where each applied parameter came from (national default, or which region's override from
 * which date) go among the facts.
 */
export function toContractEvidence(
  finding: Finding,
  sources: Readonly<Record<string, ParameterSource>>,
): AlertEvidence {
  const { evidence } = finding;
  const parameterSources = Object.fromEntries(
    Object.keys(evidence.parameters)
      .filter((name) => sources[name] !== undefined)
      .map((name) => [name, sources[name]]),
  );
  return {
    workersAffected: evidence.workersAffected,
    workers: evidence.workers,
    amounts: evidence.amounts,
    transactions: evidence.transactions.map((tx) => ({ ...tx, occurredAt: tx.occurredAt.toISOString() })),
    parameters: evidence.parameters,
    facts: { ...evidence.facts, ruleVersion: finding.ruleVersion, parameterSources },
  };
}

function evidenceHash(evidence: AlertEvidence): string {
  const facts = Object.fromEntries(Object.entries(evidence.facts).filter(([name]) => !DAILY_FACTS.has(name)));
  return createHash('sha256')
    .update(JSON.stringify({ ...evidence, facts }))
    .digest('hex');
}
