import { z } from 'zod';
import { defineEvent, type EventData } from '../envelope';
import { AlertCode, ProjectStatus, Severity, TransactionKind } from '../enums';
import {
  blindIndex,
  fen,
  gridCode,
  instant,
  maskedAccountNumber,
  maskedIdNumber,
  month,
  positiveFen,
  projectCode,
  regionCode,
  signedFen,
} from '../fields';
import { Topics } from '../topics';

/** One alert per (code, project, month), or per (code, project) where no month applies. */
export function alertKey(code: AlertCode, project: string, alertMonth: string | null): string {
  return alertMonth === null ? `${code}:${project}` : `${code}:${project}:${alertMonth}`;
}

/**
 * Evidence lists stop here to keep an event well under Kafka's 1 MB; `workersAffected` keeps the full count.
 */
export const MAX_EVIDENCE_ITEMS = 1000;

const evidenceWorker = z.object({
  idHash: blindIndex,
  idMasked: maskedIdNumber,
  name: z.string().min(1).optional(),
  cardMasked: maskedAccountNumber.optional(),
  amountDueFen: fen.optional(),
  amountPaidFen: fen.optional(),
});

const evidenceTransaction = z.object({
  accountNumber: z.string().min(1),
  serialNo: z.string().min(1),
  occurredAt: instant,
  kind: TransactionKind,
  amountFen: positiveFen,
  counterpartyName: z.string().min(1).optional(),
  counterpartyAccountMasked: maskedAccountNumber.optional(),
});

/**
 * What an inspector needs to act without looking anything up: the alert service keeps no roster or ledger, so
 * evidence is self-contained. Personal data appear only masked.
 */
export const alertEvidence = z
  .object({
    workersAffected: z.number().int().nonnegative(),
    workers: z.array(evidenceWorker).max(MAX_EVIDENCE_ITEMS),
    /** Named sums in fen, e.g. `{ netPayDueFen, paidFen, shortfallFen, balanceFen, requiredDepositFen }`. */
    amounts: z.record(z.string().regex(/^[a-z][A-Za-z]*Fen$/, 'amount names end in Fen'), signedFen),
    transactions: z.array(evidenceTransaction).max(MAX_EVIDENCE_ITEMS),
    /** The rule parameters in effect, e.g. `{ graceDays: 2, rate: 0.02, cap: null }` (null: no limit). */
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    /** Anything else the rule found, e.g. the deadline, the deposit adjustment and its reason. */
    facts: z.record(z.string(), z.json()),
  })
  .refine((evidence) => evidence.workersAffected >= evidence.workers.length, {
    error: 'workersAffected must count at least the workers listed',
    path: ['workersAffected'],
  });
export type AlertEvidence = z.infer<typeof alertEvidence>;

/** The fields every alert lifecycle event carries: the alert as it stands. */
const alertState = {
  alertKey: z.string().min(1),
  code: AlertCode,
  severity: Severity,
  projectCode,
  regionCode,
  /** The project's grid (街道/乡镇 or 社区/村 inside `regionCode`), when it is placed in one. */
  gridCode: gridCode.optional(),
  month: month.nullable(),
  /** In Chinese, for the people who read the alert list. */
  title: z.string().min(1),
  evidence: alertEvidence,
};

function hasDeterministicKey(alert: {
  alertKey: string;
  code: AlertCode;
  projectCode: string;
  month: string | null;
}): boolean {
  return alert.alertKey === alertKey(alert.code, alert.projectCode, alert.month);
}
const keyMismatch = { error: 'alertKey must be code:projectCode[:month]', path: ['alertKey'] };

export const AlertRaised = defineEvent(
  Topics.alert,
  'AlertRaised',
  z.object({ ...alertState, detectedAt: instant }).refine(hasDeterministicKey, keyMismatch),
);
export type AlertRaised = EventData<typeof AlertRaised>;

/** The evidence or the severity changed; `previousSeverity` equals `severity` when only the evidence did. */
export const AlertUpdated = defineEvent(
  Topics.alert,
  'AlertUpdated',
  z
    .object({ ...alertState, previousSeverity: Severity, detectedAt: instant })
    .refine(hasDeterministicKey, keyMismatch),
);
export type AlertUpdated = EventData<typeof AlertUpdated>;

/** The condition has ended, as the evidence shows; `durationSeconds` is clearedAt − raisedAt. */
export const AlertCleared = defineEvent(
  Topics.alert,
  'AlertCleared',
  z
    .object({
      ...alertState,
      raisedAt: instant,
      clearedAt: instant,
      durationSeconds: z.number().int().nonnegative(),
    })
    .refine(hasDeterministicKey, keyMismatch),
);
export type AlertCleared = EventData<typeof AlertCleared>;

/**
 * A condition found while its rule is suppressed for a suspended (停工) or completed (竣工) project: recorded
 * with the alert it would have raised, never silently dropped. Wages already due are not suppressed.
 */
export const AlertSuppressed = defineEvent(
  Topics.alert,
  'AlertSuppressed',
  z
    .object({
      ...alertState,
      projectStatus: ProjectStatus.exclude(['IN_CONSTRUCTION']),
      detectedAt: instant,
    })
    .refine(hasDeterministicKey, keyMismatch),
);
export type AlertSuppressed = EventData<typeof AlertSuppressed>;

/**
 * An inspector dismissed the alert as unfounded (驳回, with a reason). Published by alert-service, which owns the
 * case; the rules engine no longer counts a dismissed WAGE_ARREARS as the contractor's arrears.
 */
export const AlertDismissed = defineEvent(
  Topics.alert,
  'AlertDismissed',
  z
    .object({
      alertKey: z.string().min(1),
      code: AlertCode,
      projectCode,
      regionCode,
      gridCode: gridCode.optional(),
      month: month.nullable(),
      reason: z.string().min(1),
      dismissedAt: instant,
    })
    .refine(hasDeterministicKey, keyMismatch),
);
export type AlertDismissed = EventData<typeof AlertDismissed>;
