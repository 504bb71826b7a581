import type { Fen } from '../money';
import type { Month } from '../month';

// The domain keeps free of @wage/contracts: these literal types mirror its enums, and the use case that
// publishes an alert maps a finding onto the contract's schema.

/** The rule catalogue of docs/domain.md. */
export type RuleCode =
  | 'WAGE_ARREARS'
  | 'WAGE_UNDERPAID'
  | 'PAY_SHEET_MISSING'
  | 'LABOR_COST_NOT_APPROPRIATED'
  | 'ACCOUNT_BALANCE_SHORTFALL'
  | 'DEPOSIT_SHORTFALL'
  | 'DEPOSIT_GUARANTEE_EXPIRING'
  | 'FUNDS_DIVERTED'
  | 'PAYEE_NOT_ON_ROSTER'
  | 'SHARED_BANK_CARD'
  | 'ABNORMAL_PAYOUT'
  | 'NO_WAGE_ACCOUNT'
  | 'REAL_NAME_GAP'
  | 'BANK_FEED_STALE'
  | 'WORKER_PAY_DISPUTED'
  | 'RECTIFICATION_OVERDUE';

/** In ascending order: BLUE is a notice or pre-warning, RED the most urgent. */
export type Severity = 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';

export type ProjectStatus = 'IN_CONSTRUCTION' | 'SUSPENDED' | 'COMPLETED';

export type TransactionKind =
  'APPROPRIATION' | 'PAYROLL' | 'WITHDRAWAL' | 'TRANSFER' | 'REFUND' | 'INTEREST' | 'FEE';

/**
 * The version of each rule's logic, written into the evidence so that an alert says which logic raised it.
 * Raise a rule's number when its behaviour changes.
 */
export const RULE_VERSIONS: Readonly<Record<RuleCode, number>> = {
  WAGE_ARREARS: 1,
  WAGE_UNDERPAID: 1,
  PAY_SHEET_MISSING: 1,
  LABOR_COST_NOT_APPROPRIATED: 1,
  ACCOUNT_BALANCE_SHORTFALL: 1,
  DEPOSIT_SHORTFALL: 2, // 2: the integrity grade and the blacklist decide the adjustment
  DEPOSIT_GUARANTEE_EXPIRING: 1,
  FUNDS_DIVERTED: 1,
  PAYEE_NOT_ON_ROSTER: 1,
  SHARED_BANK_CARD: 1,
  ABNORMAL_PAYOUT: 1,
  NO_WAGE_ACCOUNT: 1,
  REAL_NAME_GAP: 1,
  BANK_FEED_STALE: 1,
  WORKER_PAY_DISPUTED: 1,
  RECTIFICATION_OVERDUE: 1,
};

/** Evidence lists stop here (as the alert contract does); `workersAffected` keeps the full count. */
export const MAX_EVIDENCE_ITEMS = 1000;

/** A worker as the rules see one: blind-index hashes and masked forms only, never a clear number. */
export interface WorkerRef {
  idHash: string;
  idMasked: string;
  name?: string;
  cardMasked?: string;
}

export interface EvidenceWorker extends WorkerRef {
  amountDueFen?: Fen;
  amountPaidFen?: Fen;
}

export interface EvidenceTransaction {
  accountNumber: string;
  serialNo: string;
  occurredAt: Date;
  kind: TransactionKind;
  amountFen: Fen;
  counterpartyName?: string;
  counterpartyAccountMasked?: string;
}

export type ParameterValue = number | null;
export type FactValue = string | number | boolean | null | FactValue[] | { [key: string]: FactValue };

export interface Evidence {
  workersAffected: number;
  workers: EvidenceWorker[];
  /** Named sums; every name ends in `Fen`. */
  amounts: Record<string, Fen>;
  transactions: EvidenceTransaction[];
  /** The rule parameters the finding was computed with. */
  parameters: Record<string, ParameterValue>;
  facts: Record<string, FactValue>;
}

/**
 * A rule's verdict that its condition holds. A rule returns `null` when it does not: the engine then clears
 * the open alert for the same (code, project, month), if there is one.
 */
export interface Finding {
  code: RuleCode;
  severity: Severity;
  /** The month worked the finding is about, or null for a project-wide rule. */
  month: Month | null;
  /** In Chinese, for the alert list. */
  title: string;
  ruleVersion: number;
  evidence: Evidence;
}

const SEVERITY_ORDER: readonly Severity[] = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** '2026年9月' for '2026-09'. */
export function monthLabel(month: Month): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

export interface FindingInput {
  code: RuleCode;
  severity: Severity;
  month: Month | null;
  title: string;
  workersAffected?: number;
  workers?: readonly EvidenceWorker[];
  amounts?: Record<string, Fen>;
  transactions?: readonly EvidenceTransaction[];
  parameters: object;
  facts?: Record<string, FactValue>;
}

/** Builds a finding with complete, bounded evidence. */
export function finding(input: FindingInput): Finding {
  const workers = input.workers ?? [];
  const transactions = input.transactions ?? [];
  return {
    code: input.code,
    severity: input.severity,
    month: input.month,
    title: input.title,
    ruleVersion: RULE_VERSIONS[input.code],
    evidence: {
      workersAffected: input.workersAffected ?? workers.length,
      workers: workers.slice(0, MAX_EVIDENCE_ITEMS).map(evidenceWorker),
      amounts: { ...input.amounts },
      transactions: transactions.slice(0, MAX_EVIDENCE_ITEMS).map((tx) => ({ ...tx })),
      parameters: { ...(input.parameters as Record<string, ParameterValue>) },
      facts: { ...input.facts },
    },
  };
}

/** Only the evidence fields, so a caller's richer worker row never leaks other data into an alert. */
function evidenceWorker(worker: EvidenceWorker): EvidenceWorker {
  const { idHash, idMasked, name, cardMasked, amountDueFen, amountPaidFen } = worker;
  return Object.fromEntries(
    Object.entries({ idHash, idMasked, name, cardMasked, amountDueFen, amountPaidFen }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as unknown as EvidenceWorker;
}

/** Whole-number shares without floats: is `part / whole` above `basisPoints` / 10,000? */
export function shareExceeds(part: number, whole: number, basisPoints: number): boolean {
  return part * 10_000 > whole * basisPoints;
}

/** Is `part / whole` at least `basisPoints` / 10,000? */
export function shareReaches(part: number, whole: number, basisPoints: number): boolean {
  return part * 10_000 >= whole * basisPoints;
}
