import type { DepositForm, DepositMovementKind } from '@wage/contracts';
import { MAX_AMOUNT_FEN, dateInShanghai, formatYuan, type Fen, type IsoDate } from '@wage/domain';

/** A wage guarantee deposit (工资保证金) as recorded: cash, or a bank guarantee letter (保函) with an expiry date. */
export interface DepositTerms {
  form: DepositForm;
  amountFen: Fen;
  effectiveOn: IsoDate;
  /** Guarantee letters only: the letter's last day of validity (it still counts on that day). */
  expiresOn?: IsoDate;
}

export interface DepositMovement {
  kind: DepositMovementKind;
  amountFen: Fen;
  occurredAt: Date;
}

/** A drawdown (动用) or release (退还) takes money out; a top-up (补足) puts it back. */
const SIGN: Record<DepositMovementKind, 1 | -1> = { DRAWDOWN: -1, RELEASE: -1, TOPUP: 1 };

/** What the deposit holds at the end of `date` (Shanghai): the amount and the movements up to that date. */
export function depositBalanceOn(deposit: DepositTerms, movements: DepositMovement[], date: IsoDate): Fen {
  if (date < deposit.effectiveOn) return 0;
  return movements
    .filter((movement) => dateInShanghai(movement.occurredAt) <= date)
    .reduce((balance, movement) => balance + SIGN[movement.kind] * movement.amountFen, deposit.amountFen);
}

/**
 * What the deposit counts for on `date`: its balance, while it is in force. A guarantee letter counts from its
 * effective date through its expiry date, both included (as `depositInForce` in libs/domain counts it: a letter
 * "valid until 31 Dec" still counts on 31 Dec); cash has no expiry.
 */
export function amountInForce(deposit: DepositTerms, movements: DepositMovement[], date: IsoDate): Fen {
  if (deposit.expiresOn !== undefined && date > deposit.expiresOn) return 0;
  return depositBalanceOn(deposit, movements, date);
}

/** Why a movement cannot be recorded, on the field to correct. */
export interface MovementProblem {
  field: 'occurredAt' | 'amount';
  code: 'BEFORE_EFFECTIVE' | 'AFTER_EXPIRY' | 'BELOW_ZERO' | 'DEPOSIT_TOO_LARGE';
  message: string;
}

/**
 * Why a new movement cannot be recorded, or undefined when it can. Movements may arrive out of order, so the
 * balance must stay at zero or above at every point of the timeline with the new movement in it, and at most
 * MAX_AMOUNT_FEN (top-ups past it once overflowed the balance out of the exact range of a number).
 */
export function movementProblem(
  deposit: DepositTerms,
  movements: DepositMovement[],
  movement: DepositMovement,
): MovementProblem | undefined {
  const date = dateInShanghai(movement.occurredAt);
  if (date < deposit.effectiveOn) {
    return {
      field: 'occurredAt',
      code: 'BEFORE_EFFECTIVE',
      message: `the deposit takes effect on ${deposit.effectiveOn}; a movement cannot occur before that (occurredAt is ${date} in Shanghai)`,
    };
  }
  if (deposit.expiresOn !== undefined && date > deposit.expiresOn) {
    return {
      field: 'occurredAt',
      code: 'AFTER_EXPIRY',
      message: `the guarantee letter expired after ${deposit.expiresOn}; a movement cannot occur after that date`,
    };
  }
  const timeline = [...movements, movement].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  let balance = deposit.amountFen;
  for (const step of timeline) {
    balance += SIGN[step.kind] * step.amountFen;
    if (balance < 0) {
      return {
        field: 'amount',
        code: 'BELOW_ZERO',
        message: `this ${movement.kind} would take the deposit below zero (at ${step.occurredAt.toISOString()}); a drawdown or release can take at most what the deposit holds`,
      };
    }
    if (balance > MAX_AMOUNT_FEN) {
      return {
        field: 'amount',
        code: 'DEPOSIT_TOO_LARGE',
        message:
          `补足后保证金余额将超过 ${formatYuan(MAX_AMOUNT_FEN)} 元的上限（${step.occurredAt.toISOString()}），` +
          '远超任何工程的工资保证金，应是金额录入错误：请核对补足金额（未保存）',
      };
    }
  }
  return undefined;
}
