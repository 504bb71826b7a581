import type { DepositForm, DepositMovementKind } from '@wage/contracts';
import { dateInShanghai, type Fen, type IsoDate } from '@wage/domain';

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

/**
 * Why a new movement cannot be recorded, or undefined when it can. Movements may arrive out of order, so the
 * balance must stay at zero or above at every point of the timeline with the new movement in it.
 */
export function movementProblem(
  deposit: DepositTerms,
  movements: DepositMovement[],
  movement: DepositMovement,
): string | undefined {
  const date = dateInShanghai(movement.occurredAt);
  if (date < deposit.effectiveOn) {
    return `the deposit takes effect on ${deposit.effectiveOn}; a movement cannot occur before that (occurredAt is ${date} in Shanghai)`;
  }
  if (deposit.expiresOn !== undefined && date > deposit.expiresOn) {
    return `the guarantee letter expired after ${deposit.expiresOn}; a movement cannot occur after that date`;
  }
  const timeline = [...movements, movement].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  let balance = deposit.amountFen;
  for (const step of timeline) {
    balance += SIGN[step.kind] * step.amountFen;
    if (balance < 0) {
      return `this ${movement.kind} would take the deposit below zero (at ${step.occurredAt.toISOString()}); a drawdown or release can take at most what the deposit holds`;
    }
  }
  return undefined;
}
