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
import {
  ABSENCE_RULES,
  type Finding,
  type ParameterSource,
  type ProjectMonthVerdict,
  type RuleCode,
} from '@wage/domain';
import { newEvent, OutboxWriter, type NewEvent } from '@wage/platform';
import { AlertsRepository, type AlertChange, type AlertRecord } from './alerts.repository';
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
    @Inject(EVALUATION_SETTINGS) private readonly settings: Pick<EvaluationSettings, 'settleSeconds'>,
  ) {}

  /** Reconciles one project-month's verdicts and writes their events (see `begin` for a batch). */
  async reconcile(
    manager: EntityManager,
    project: LedgerProject,
    verdicts: readonly RuleVerdict[],
    asOf: Date,
  ): Promise<LedgerCounts> {
    const batch = await this.begin(manager, [keysOf(project, verdicts)]);
    const { counts } = await batch.reconcile(project, verdicts, asOf);
    await batch.flush();
    return counts;
  }

  /**
   * Starts reconciling a batch of project-months in the caller's transaction: locks the alert rows of every key
   * given in one statement. The batch's events are written by `flush`, in one statement, in the same transaction.
   */
  async begin(manager: EntityManager, keys: readonly (readonly string[])[]): Promise<LedgerBatch> {
    const batch = new LedgerBatch(manager, this.alerts, this.outbox, this.settings.settleSeconds * 1000);
    await batch.lock(keys.flat());
    return batch;
  }
}

export type LedgerProject = { code: string; regionCode: string; gridCode?: string };

/** The alert keys a project-month's verdicts are about. */
export function keysOf(project: LedgerProject, verdicts: readonly RuleVerdict[]): string[] {
  return verdicts.map((v) => alertKey(v.code, project.code, v.month));
}

/**
 * One transaction's reconciliation of several project-months, in order. The records locked at the start are
 * used until a project-month of the batch writes a key (a project-wide alert is reconciled again with each of
 * the project's months): such a key is read again before the next project-month reconciles it, so each one sees
 * what the one before left, as if each ran on its own.
 */
export class LedgerBatch {
  private readonly records = new Map<string, AlertRecord>();
  private readonly loaded = new Set<string>();
  private readonly events: NewEvent[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxWriter,
    private readonly settleMs: number,
  ) {}

  /** Locks (and reads) the keys not read yet or written since they were read. */
  async lock(keys: readonly string[]): Promise<void> {
    const wanted = [...new Set(keys)].filter((key) => !this.loaded.has(key));
    if (wanted.length === 0) return;
    for (const key of wanted) {
      this.records.delete(key);
      this.loaded.add(key);
    }
    for (const record of await this.alerts.lockForUpdate(this.manager, wanted)) {
      this.records.set(record.alertKey, record);
    }
  }

  /** Reconciles one project-month; `opened` are the rules whose alert it raised or raised again. */
  async reconcile(
    project: LedgerProject,
    verdicts: readonly RuleVerdict[],
    asOf: Date,
  ): Promise<{ counts: LedgerCounts; opened: Set<RuleCode> }> {
    const { manager, alerts, settleMs } = this;
    await this.lock(keysOf(project, verdicts));
    const counts: LedgerCounts = { raised: 0, updated: 0, cleared: 0 };
    const opened = new Set<RuleCode>();
    const detectedAt = asOf.toISOString();
    const events = this.events;

    for (const verdict of verdicts) {
      if (verdict.withheld !== undefined) continue;
      const key = alertKey(verdict.code, project.code, verdict.month);
      const record = this.records.get(key);
      // Whatever happens below may change the row: the next project-month of the batch reads it again.
      this.loaded.delete(key);
      const about = {
        alertKey: key,
        code: verdict.code,
        projectCode: project.code,
        regionCode: project.regionCode,
        ...(project.gridCode !== undefined && { gridCode: project.gridCode }),
        month: verdict.month,
      };
      if (verdict.finding === null) {
        if (record?.status === 'PENDING') await alerts.endPending(manager, key);
        if (record?.status === 'OPEN' && record.raisedAt !== null) {
          await alerts.clear(manager, key, asOf);
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
        if (record?.status === 'PENDING') await alerts.endPending(manager, key);
        const { status, reason } = verdict.suppression;
        if (await alerts.recordSuppression(manager, key, status, asOf)) {
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
        await alerts.holdPending(manager, change, asOf);
        continue;
      }
      if (
        settles &&
        record?.status === 'PENDING' &&
        asOf.getTime() - (record.pendingSince ?? asOf).getTime() < settleMs
      ) {
        await alerts.touchPending(manager, change);
        continue;
      }
      if (record === undefined || record.status !== 'OPEN') {
        await alerts.open(manager, change, asOf);
        events.push(newEvent(AlertRaised, project.code, { ...alert, detectedAt }));
        counts.raised += 1;
        opened.add(verdict.code);
      } else if (record.severity !== alert.severity || record.evidenceHash !== change.evidenceHash) {
        await alerts.update(manager, change);
        events.push(
          newEvent(AlertUpdated, project.code, { ...alert, previousSeverity: record.severity, detectedAt }),
        );
        counts.updated += 1;
      } else {
        // Nothing written: the record read still holds.
        this.loaded.add(key);
      }
    }
    return { counts, opened };
  }

  /** Writes the batch's events to the outbox (one statement), in the batch's transaction. */
  async flush(extra: readonly NewEvent[] = []): Promise<void> {
    await this.outbox.append(this.manager, [...this.events, ...extra]);
    this.events.length = 0;
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
