import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AlertCleared,
  AlertRaised,
  AlertSuppressed,
  AlertUpdated,
  alertKey,
  type AlertEvidence,
  type Severity,
} from '@wage/contracts';
import type { Finding, RuleCode, Suppression } from '@wage/domain';
import { newEvent, OutboxWriter, type NewEvent } from '@wage/platform';

export interface RuleVerdict {
  code: RuleCode;
  /** The month the rule is about, or null for a project-wide rule. */
  month: string | null;
  finding: Finding | null;
  suppression: Suppression;
}

export interface LedgerCounts {
  raised: number;
  updated: number;
  cleared: number;
}

interface AlertRow {
  alert_key: string;
  severity: Severity;
  status: 'OPEN' | 'CLEARED';
  evidence_hash: string;
  evidence: AlertEvidence;
  title: string;
  raised_at: Date;
}

/** Facts that change every day an alert stays open; a change in them alone is not new evidence. */
const DAILY_FACTS = new Set(['daysOverdue', 'daysLate']);

/**
 * The engine's record of what it published per alert key, reconciled with the rules' verdicts: a new finding is
 * raised, a changed one updated, a vanished one cleared, a suppressed one recorded once. The events go to the
 * outbox in the caller's transaction with the row changes, so re-evaluation or redelivery never repeats one.
 */
@Injectable()
export class AlertLedger {
  constructor(private readonly outbox: OutboxWriter) {}

  async reconcile(
    manager: EntityManager,
    project: { code: string; regionCode: string },
    verdicts: readonly RuleVerdict[],
    asOf: Date,
  ): Promise<LedgerCounts> {
    const keys = verdicts.map((v) => alertKey(v.code, project.code, v.month));
    const rows: AlertRow[] = await manager.query(
      `SELECT alert_key, severity, status, evidence_hash, evidence, title, raised_at
       FROM rules.alerts WHERE alert_key = ANY($1::text[]) FOR UPDATE`,
      [keys],
    );
    const existing = new Map(rows.map((row) => [row.alert_key, row]));
    const events: NewEvent[] = [];
    const counts: LedgerCounts = { raised: 0, updated: 0, cleared: 0 };
    const detectedAt = asOf.toISOString();

    for (const verdict of verdicts) {
      const key = alertKey(verdict.code, project.code, verdict.month);
      const row = existing.get(key);
      const state = (f: Finding) => ({
        alertKey: key,
        code: verdict.code,
        severity: f.severity,
        projectCode: project.code,
        regionCode: project.regionCode,
        month: verdict.month,
        title: f.title,
        evidence: toContractEvidence(f),
      });
      if (verdict.finding === null) {
        if (row?.status === 'OPEN') {
          await manager.query(
            `UPDATE rules.alerts SET status = 'CLEARED', cleared_at = $2, updated_at = now() WHERE alert_key = $1`,
            [key, asOf],
          );
          events.push(
            newEvent(AlertCleared, project.code, {
              alertKey: key,
              code: verdict.code,
              severity: row.severity,
              projectCode: project.code,
              regionCode: project.regionCode,
              month: verdict.month,
              title: row.title,
              evidence: row.evidence,
              raisedAt: row.raised_at.toISOString(),
              clearedAt: detectedAt,
              durationSeconds: Math.max(0, Math.floor((asOf.getTime() - row.raised_at.getTime()) / 1000)),
            }),
          );
          counts.cleared += 1;
        }
        continue;
      }
      const alert = state(verdict.finding);
      if (verdict.suppression.suppressed) {
        // Recorded once per status; an open alert stays as it is (the condition has not ended).
        const recorded: unknown[] = await manager.query(
          `INSERT INTO rules.alert_suppressions (alert_key, project_status, recorded_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING alert_key`,
          [key, verdict.suppression.status, asOf],
        );
        if (recorded.length > 0) {
          events.push(
            newEvent(AlertSuppressed, project.code, {
              ...alert,
              evidence: {
                ...alert.evidence,
                facts: { ...alert.evidence.facts, suppressedBecause: verdict.suppression.reason },
              },
              projectStatus: verdict.suppression.status,
              detectedAt,
            }),
          );
        }
        continue;
      }
      const hash = evidenceHash(alert.evidence);
      if (row === undefined || row.status === 'CLEARED') {
        await manager.query(
          `INSERT INTO rules.alerts (alert_key, code, project_code, month, severity, status, evidence_hash, evidence,
                                     title, raised_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8, $9, now())
           ON CONFLICT (alert_key) DO UPDATE SET severity = EXCLUDED.severity, status = 'OPEN',
             evidence_hash = EXCLUDED.evidence_hash, evidence = EXCLUDED.evidence, title = EXCLUDED.title,
             raised_at = EXCLUDED.raised_at, updated_at = now(), cleared_at = NULL`,
          [
            key,
            verdict.code,
            project.code,
            verdict.month,
            alert.severity,
            hash,
            alert.evidence,
            alert.title,
            asOf,
          ],
        );
        events.push(newEvent(AlertRaised, project.code, { ...alert, detectedAt }));
        counts.raised += 1;
      } else if (row.severity !== alert.severity || row.evidence_hash !== hash) {
        await manager.query(
          `UPDATE rules.alerts SET severity = $2, evidence_hash = $3, evidence = $4, title = $5, updated_at = now()
           WHERE alert_key = $1`,
          [key, alert.severity, hash, alert.evidence, alert.title],
        );
        events.push(
          newEvent(AlertUpdated, project.code, { ...alert, previousSeverity: row.severity, detectedAt }),
        );
        counts.updated += 1;
      }
    }
    await this.outbox.append(manager, events);
    return counts;
  }
}

/** The finding's evidence as the alert contract has it, with the rule version among the facts. */
export function toContractEvidence(finding: Finding): AlertEvidence {
  const { evidence } = finding;
  return {
    workersAffected: evidence.workersAffected,
    workers: evidence.workers,
    amounts: evidence.amounts,
    transactions: evidence.transactions.map((tx) => ({ ...tx, occurredAt: tx.occurredAt.toISOString() })),
    parameters: evidence.parameters,
    facts: { ...evidence.facts, ruleVersion: finding.ruleVersion },
  };
}

function evidenceHash(evidence: AlertEvidence): string {
  const facts = Object.fromEntries(Object.entries(evidence.facts).filter(([name]) => !DAILY_FACTS.has(name)));
  return createHash('sha256')
    .update(JSON.stringify({ ...evidence, facts }))
    .digest('hex');
}
