import {
  KINDS_WITHOUT_COUNTERPARTY_ACCOUNT,
  TRANSACTION_KIND_DIRECTION,
  type TransactionDirection,
  type TransactionKind,
} from '@wage/contracts';
import {
  DomainError,
  dateInShanghai,
  isMonth,
  parseInstant,
  parseYuan,
  redactSensitive,
  validateIdentityNumber,
  type Fen,
  type IsoDate,
} from '@wage/domain';
import type { RowError } from '@wage/platform';
import { transactionRowSchema } from './dto/record-transactions.dto';

/** A transaction that passed every check, numbers still in clear (they are sealed before anything is stored). */
export interface CheckedTransaction {
  serialNo: string;
  occurredAt: Date;
  direction: TransactionDirection;
  kind: TransactionKind;
  amountFen: Fen;
  payrollMonth?: string;
  /** No account number for a cash withdrawal at the counter (现金支取) or a bank fee. */
  counterparty: { name: string; accountNumber?: string; idNumber?: string };
  memo?: string;
}

/** Clocks of banks and servers differ a little; a transaction further in the future is a mistake. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/** What bounds a batch's rows: the clock, and the day the account was opened (nothing occurs on it before). */
export interface RowBounds {
  /** Bounds `occurredAt` from above. */
  now: Date;
  /** The Shanghai date: bounds birth dates. */
  today: IsoDate;
  /** The account's opening day (Shanghai): no transaction occurs on an account before it exists. */
  openedOn: IsoDate;
}

/**
 * Checks every row of a batch and reports every problem with its index and field. Messages never repeat a card or
 * identity number.
 */
export function checkTransactionRows(
  rows: unknown[],
  bounds: RowBounds,
): { transactions: { index: number; transaction: CheckedTransaction }[]; errors: RowError[] } {
  const transactions: { index: number; transaction: CheckedTransaction }[] = [];
  const errors: RowError[] = [];
  rows.forEach((row, index) => {
    const problems = checkRow(row, bounds);
    if (Array.isArray(problems)) errors.push(...problems.map((p) => ({ index, ...p })));
    else transactions.push({ index, transaction: problems });
  });
  return { transactions, errors };
}

type Problem = Omit<RowError, 'index'>;

function checkRow(raw: unknown, { now, today, openedOn }: RowBounds): CheckedTransaction | Problem[] {
  const shape = transactionRowSchema.safeParse(raw);
  if (!shape.success) {
    return shape.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(row)',
      code: valueAt(raw, issue.path) === undefined ? 'REQUIRED' : 'INVALID_FIELD',
      message: issue.message,
    }));
  }
  const row = shape.data;
  const problems: Problem[] = [];
  const attempt = <T>(field: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ field, code: error.code, message: error.message });
      return undefined;
    }
  };
  const amountFen = attempt('amount', () => parseYuan(row.amount, { positive: true }));
  const occurredAt = attempt('occurredAt', () => parseInstant(row.occurredAt));
  if (occurredAt && occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    problems.push({
      field: 'occurredAt',
      code: 'INVALID_INSTANT',
      message: `occurredAt ${row.occurredAt} is in the future; give the instant the bank booked the transaction`,
    });
  } else if (occurredAt && dateInShanghai(occurredAt) < openedOn) {
    problems.push({
      field: 'occurredAt',
      code: 'BEFORE_ACCOUNT_OPENED',
      message: `occurredAt ${row.occurredAt} is before the account was opened on ${openedOn} (Shanghai); a transaction occurs on an open account only`,
    });
  }
  const expected = TRANSACTION_KIND_DIRECTION[row.kind];
  if (row.direction !== expected) {
    problems.push({
      field: 'direction',
      code: 'DIRECTION_MISMATCH',
      message: `a ${row.kind} transaction is a ${expected}, not a ${row.direction}; correct the kind or the direction`,
    });
  }
  if (row.payrollMonth !== undefined) {
    if (row.kind !== 'PAYROLL') {
      problems.push({
        field: 'payrollMonth',
        code: 'PAYROLL_MONTH_NOT_ALLOWED',
        message: `payrollMonth belongs to PAYROLL transactions only; remove it from this ${row.kind}`,
      });
    } else if (!isMonth(row.payrollMonth)) {
      problems.push({
        field: 'payrollMonth',
        code: 'INVALID_MONTH',
        message: 'payrollMonth must be the month worked as YYYY-MM, e.g. "2026-09"',
      });
    }
  }
  const { accountNumber } = row.counterparty;
  if (accountNumber === undefined) {
    if (!KINDS_WITHOUT_COUNTERPARTY_ACCOUNT.includes(row.kind)) {
      problems.push({
        field: 'counterparty.accountNumber',
        code: 'REQUIRED',
        message: `a ${row.kind} transaction needs the counterparty's card or account number; only a cash WITHDRAWAL at the counter or a bank FEE may leave it out`,
      });
    }
  } else if (!/^\d{12,32}$/.test(accountNumber)) {
    // Masked forms keep four digits at each end and hide at least four: 12 digits is the shortest that works.
    problems.push({
      field: 'counterparty.accountNumber',
      code: 'INVALID_ACCOUNT_NUMBER',
      message: `a card or account number is 12–32 digits without spaces (got ${accountNumber.length} characters)`,
    });
  }
  let idNumber: string | undefined;
  if (row.counterparty.idNumber !== undefined) {
    const id = validateIdentityNumber(row.counterparty.idNumber, today);
    if (id.ok) idNumber = id.value.normalized;
    else problems.push({ field: 'counterparty.idNumber', code: id.code, message: id.message });
  }
  if (problems.length > 0 || amountFen === undefined || occurredAt === undefined) return problems;
  return {
    serialNo: row.serialNo,
    occurredAt,
    direction: row.direction,
    kind: row.kind,
    amountFen,
    ...(row.payrollMonth !== undefined ? { payrollMonth: row.payrollMonth } : {}),
    counterparty: {
      name: row.counterparty.name,
      ...(accountNumber !== undefined ? { accountNumber } : {}),
      ...(idNumber !== undefined ? { idNumber } : {}),
    },
    // Banks' memos are free text and sometimes quote a card: stored and published with such numbers masked.
    ...(row.memo !== undefined ? { memo: redactSensitive(row.memo) } : {}),
  };
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}
