import { z } from 'zod';

// Each enum is a values array, a zod schema of the same name as its type, and the type itself:
// `AlertCode.parse(x)`, `AlertCode.enum.WAGE_ARREARS`, `let code: AlertCode`.

/** The rule catalogue of docs/domain.md; the codes are part of the public contract. */
export const ALERT_CODES = [
  'WAGE_ARREARS',
  'WAGE_UNDERPAID',
  'PAY_SHEET_MISSING',
  'LABOR_COST_NOT_APPROPRIATED',
  'ACCOUNT_BALANCE_SHORTFALL',
  'DEPOSIT_SHORTFALL',
  'DEPOSIT_GUARANTEE_EXPIRING',
  'FUNDS_DIVERTED',
  'PAYEE_NOT_ON_ROSTER',
  'SHARED_BANK_CARD',
  'ABNORMAL_PAYOUT',
  'NO_WAGE_ACCOUNT',
  'REAL_NAME_GAP',
  'BANK_FEED_STALE',
  'WORKER_PAY_DISPUTED',
  'RECTIFICATION_OVERDUE',
] as const;
export const AlertCode = z.enum(ALERT_CODES);
export type AlertCode = z.infer<typeof AlertCode>;

/** In ascending order: BLUE is a notice or pre-warning, RED the most urgent. */
export const SEVERITIES = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Negative when `a` is less severe than `b`, so `sort(compareSeverity)` orders from BLUE to RED. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

/** OPEN → ACKNOWLEDGED → RESOLVED | DISMISSED; CLEARED when the data ended the condition first. */
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED', 'CLEARED'] as const;
export const AlertStatus = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** 在建, 停工, 竣工. */
export const PROJECT_STATUSES = ['IN_CONSTRUCTION', 'SUSPENDED', 'COMPLETED'] as const;
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const TRANSACTION_DIRECTIONS = ['CREDIT', 'DEBIT'] as const;
export const TransactionDirection = z.enum(TRANSACTION_DIRECTIONS);
export type TransactionDirection = z.infer<typeof TransactionDirection>;

export const TRANSACTION_KINDS = [
  'APPROPRIATION',
  'PAYROLL',
  'WITHDRAWAL',
  'TRANSFER',
  'REFUND',
  'INTEREST',
  'FEE',
] as const;
export const TransactionKind = z.enum(TRANSACTION_KINDS);
export type TransactionKind = z.infer<typeof TransactionKind>;

/** Money moves into the dedicated account only as labour costs (人工费用), refunds and interest. */
export const TRANSACTION_KIND_DIRECTION: Readonly<Record<TransactionKind, TransactionDirection>> = {
  APPROPRIATION: 'CREDIT',
  PAYROLL: 'DEBIT',
  WITHDRAWAL: 'DEBIT',
  TRANSFER: 'DEBIT',
  REFUND: 'CREDIT',
  INTEREST: 'CREDIT',
  FEE: 'DEBIT',
};

/** 现金 or 银行保函. */
export const DEPOSIT_FORMS = ['CASH', 'GUARANTEE'] as const;
export const DepositForm = z.enum(DEPOSIT_FORMS);
export type DepositForm = z.infer<typeof DepositForm>;

export const DEPOSIT_MOVEMENT_KINDS = ['DRAWDOWN', 'TOPUP', 'RELEASE'] as const;
export const DepositMovementKind = z.enum(DEPOSIT_MOVEMENT_KINDS);
export type DepositMovementKind = z.infer<typeof DepositMovementKind>;

/** A worker's answer about one project-month (工资确认): confirmed, or disputed for one of these reasons. */
export const WORKER_MONTH_RESULTS = ['CONFIRMED', 'DISPUTED'] as const;
export const WorkerMonthResult = z.enum(WORKER_MONTH_RESULTS);
export type WorkerMonthResult = z.infer<typeof WorkerMonthResult>;

/** 金额不对, 没收到, 卡不是我的 — the last is evidence that someone else holds the card (代管工资卡). */
export const WORKER_DISPUTE_REASONS = ['AMOUNT_WRONG', 'NOT_RECEIVED', 'CARD_NOT_MINE'] as const;
export const WorkerDisputeReason = z.enum(WORKER_DISPUTE_REASONS);
export type WorkerDisputeReason = z.infer<typeof WorkerDisputeReason>;

/** GRID_ASSISTANT (协管员): one grid (a 街道/乡镇 or 社区/村 code); sees, records visits, acts on nothing. */
export const USER_ROLES = ['INSPECTOR', 'LEADER', 'ADMIN', 'GRID_ASSISTANT'] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

export interface AlertCodeInfo {
  /** The Chinese name inspectors know the rule by. */
  readonly name: string;
  /** The severity a new alert starts at; the rules may raise it (see docs/domain.md, rule catalogue). */
  readonly defaultSeverity: Severity;
}

export const ALERT_CATALOGUE: Readonly<Record<AlertCode, AlertCodeInfo>> = {
  WAGE_ARREARS: { name: '欠薪', defaultSeverity: 'YELLOW' },
  WAGE_UNDERPAID: { name: '未足额支付', defaultSeverity: 'YELLOW' },
  PAY_SHEET_MISSING: { name: '未编制工资支付表', defaultSeverity: 'YELLOW' },
  LABOR_COST_NOT_APPROPRIATED: { name: '人工费用未按月拨付', defaultSeverity: 'YELLOW' },
  ACCOUNT_BALANCE_SHORTFALL: { name: '专户余额不足', defaultSeverity: 'BLUE' },
  DEPOSIT_SHORTFALL: { name: '保证金不足', defaultSeverity: 'ORANGE' },
  DEPOSIT_GUARANTEE_EXPIRING: { name: '保函即将到期', defaultSeverity: 'BLUE' },
  FUNDS_DIVERTED: { name: '专户资金挪用', defaultSeverity: 'ORANGE' },
  PAYEE_NOT_ON_ROSTER: { name: '代发对象不在实名册', defaultSeverity: 'ORANGE' },
  SHARED_BANK_CARD: { name: '疑似代管工资卡', defaultSeverity: 'ORANGE' },
  ABNORMAL_PAYOUT: { name: '异常大额代发', defaultSeverity: 'YELLOW' },
  NO_WAGE_ACCOUNT: { name: '未开设专户', defaultSeverity: 'ORANGE' },
  REAL_NAME_GAP: { name: '实名制未落实', defaultSeverity: 'YELLOW' },
  BANK_FEED_STALE: { name: '银行流水未按时报送', defaultSeverity: 'BLUE' },
  WORKER_PAY_DISPUTED: { name: '工人对工资有异议', defaultSeverity: 'YELLOW' },
  RECTIFICATION_OVERDUE: { name: '逾期未整改', defaultSeverity: 'ORANGE' },
};
