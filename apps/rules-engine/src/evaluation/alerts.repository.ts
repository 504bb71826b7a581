import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertEvidence, Severity } from '@wage/contracts';
import type { RuleCode } from '@wage/domain';

/**
 * What the engine holds for one alert key. PENDING is an absence verdict not yet past the settle period: never
 * published. `raisedAt` is null for a verdict that was never raised.
 */
export interface AlertRecord {
  alertKey: string;
  severity: Severity;
  status: 'PENDING' | 'OPEN' | 'CLEARED';
  evidenceHash: string;
  evidence: AlertEvidence;
  title: string;
  raisedAt: Date | null;
  pendingSince: Date | null;
}

/** An alert as it is opened or updated. */
export interface AlertChange {
  alertKey: string;
  code: RuleCode;
  projectCode: string;
  month: string | null;
  severity: Severity;
  evidenceHash: string;
  evidence: AlertEvidence;
  title: string;
}

/** The engine's own record of its alerts (`rules.alerts`) and of the suppressions it has reported. */
@Injectable()
export class AlertsRepository {
  /** Locks the keys' rows for the rest of the transaction, so that a concurrent run waits for this one. */
  async lockForUpdate(manager: EntityManager, keys: readonly string[]): Promise<AlertRecord[]> {
    const rows: {
      alert_key: string;
      severity: Severity;
      status: AlertRecord['status'];
      evidence_hash: string;
      evidence: AlertEvidence;
      title: string;
      raised_at: Date | null;
      pending_since: Date | null;
    }[] = await manager.query(
      `SELECT alert_key, severity, status, evidence_hash, evidence, title, raised_at, pending_since
       FROM rules.alerts WHERE alert_key = ANY($1::text[]) FOR UPDATE`,
      [keys],
    );
    return rows.map((row) => ({
      alertKey: row.alert_key,
      severity: row.severity,
      status: row.status,
      evidenceHash: row.evidence_hash,
      evidence: row.evidence,
      title: row.title,
      raisedAt: row.raised_at,
      pendingSince: row.pending_since,
    }));
  }

  /**
   * Holds an absence verdict as pending from `since` (new, or a cleared alert whose condition is back). A cleared
   * alert keeps its last raise and clearance; nothing is published.
   */
  async holdPending(manager: EntityManager, alert: AlertChange, since: Date): Promise<void> {
    await manager.query(
      `INSERT INTO rules.alerts (alert_key, code, project_code, month, severity, status, evidence_hash, evidence,
                                 title, pending_since, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $8, $9, now())
       ON CONFLICT (alert_key) DO UPDATE SET severity = EXCLUDED.severity, status = 'PENDING',
         evidence_hash = EXCLUDED.evidence_hash, evidence = EXCLUDED.evidence, title = EXCLUDED.title,
         pending_since = EXCLUDED.pending_since, updated_at = now()`,
      [
        alert.alertKey,
        alert.code,
        alert.projectCode,
        alert.month,
        alert.severity,
        alert.evidenceHash,
        alert.evidence,
        alert.title,
        since,
      ],
    );
  }

  /** Keeps a pending verdict's latest evidence; its settle clock runs on from `pending_since`. */
  async touchPending(manager: EntityManager, alert: AlertChange): Promise<void> {
    await manager.query(
      `UPDATE rules.alerts SET severity = $2, evidence_hash = $3, evidence = $4, title = $5, updated_at = now()
       WHERE alert_key = $1 AND status = 'PENDING'`,
      [alert.alertKey, alert.severity, alert.evidenceHash, alert.evidence, alert.title],
    );
  }

  /**
   * Data ended a pending verdict before it settled: it never existed for anyone. A verdict never raised is
   * forgotten; a cleared alert whose condition briefly seemed back is cleared again as it was.
   */
  async endPending(manager: EntityManager, alertKey: string): Promise<void> {
    await manager.query(
      `DELETE FROM rules.alerts WHERE alert_key = $1 AND status = 'PENDING' AND raised_at IS NULL`,
      [alertKey],
    );
    await manager.query(
      `UPDATE rules.alerts SET status = 'CLEARED', pending_since = NULL, updated_at = now()
       WHERE alert_key = $1 AND status = 'PENDING'`,
      [alertKey],
    );
  }

  /** Opens the alert, or reopens a cleared one under the same key. */
  async open(manager: EntityManager, alert: AlertChange, raisedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO rules.alerts (alert_key, code, project_code, month, severity, status, evidence_hash, evidence,
                                 title, raised_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8, $9, now())
       ON CONFLICT (alert_key) DO UPDATE SET severity = EXCLUDED.severity, status = 'OPEN',
         evidence_hash = EXCLUDED.evidence_hash, evidence = EXCLUDED.evidence, title = EXCLUDED.title,
         raised_at = EXCLUDED.raised_at, updated_at = now(), cleared_at = NULL, pending_since = NULL,
         dismissed_at = NULL, dismissed_reason = NULL`,
      [
        alert.alertKey,
        alert.code,
        alert.projectCode,
        alert.month,
        alert.severity,
        alert.evidenceHash,
        alert.evidence,
        alert.title,
        raisedAt,
      ],
    );
  }

  async update(manager: EntityManager, alert: AlertChange): Promise<void> {
    await manager.query(
      `UPDATE rules.alerts SET severity = $2, evidence_hash = $3, evidence = $4, title = $5, updated_at = now()
       WHERE alert_key = $1`,
      [alert.alertKey, alert.severity, alert.evidenceHash, alert.evidence, alert.title],
    );
  }

  async clear(manager: EntityManager, alertKey: string, clearedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE rules.alerts SET status = 'CLEARED', cleared_at = $2, updated_at = now() WHERE alert_key = $1`,
      [alertKey, clearedAt],
    );
  }

  /** Records a suppression of the key under a project status; false when it was recorded before. */
  async recordSuppression(
    manager: EntityManager,
    alertKey: string,
    projectStatus: string,
    recordedAt: Date,
  ): Promise<boolean> {
    const recorded: unknown[] = await manager.query(
      `INSERT INTO rules.alert_suppressions (alert_key, project_status, recorded_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING alert_key`,
      [alertKey, projectStatus, recordedAt],
    );
    return recorded.length > 0;
  }
}
