import { type Fen, sumFen } from '../money';
import { compareDates, dateInShanghai, daysBetween } from '../month';
import type { DepositRecord } from './deposit';
import { type Finding, finding } from './finding';
import type { RuleParameterMap } from './parameters';

export interface DepositGuaranteeExpiringInput {
  /** Guarantee letters counted in the deposit today (`depositInForce(...).guarantees`). */
  guarantees: readonly (DepositRecord & { inForceFen: Fen })[];
  /** When given, letters are only reported if the deposit without them would fall below this amount. */
  requiredFen?: Fen;
  depositInForceFen?: Fen;
  inConstruction: boolean;
  asOf: Date;
  parameters: RuleParameterMap['DEPOSIT_GUARANTEE_EXPIRING'];
}

/** 保函即将到期: a letter counted in the deposit expires within `guaranteeExpiringDays` (BLUE). */
export function evaluateDepositGuaranteeExpiring(input: DepositGuaranteeExpiringInput): Finding | null {
  if (!input.inConstruction) return null;
  const today = dateInShanghai(input.asOf);
  const expiring = input.guarantees.filter(
    (letter) =>
      letter.expiresOn !== undefined &&
      compareDates(today, letter.expiresOn) <= 0 &&
      daysBetween(today, letter.expiresOn) <= input.parameters.guaranteeExpiringDays,
  );
  if (expiring.length === 0) return null;
  const expiringFen = sumFen(expiring.map((letter) => letter.inForceFen));
  if (
    input.requiredFen !== undefined &&
    input.depositInForceFen !== undefined &&
    input.depositInForceFen - expiringFen >= input.requiredFen
  ) {
    return null; // replaced already: the rest still meets the requirement
  }
  const firstExpiry = expiring.map((letter) => letter.expiresOn!).sort()[0];
  return finding({
    code: 'DEPOSIT_GUARANTEE_EXPIRING',
    severity: 'BLUE',
    month: null,
    title: `保函即将到期：${expiring.length}份保函将于${firstExpiry}起到期`,
    amounts: { expiringFen },
    parameters: input.parameters,
    facts: {
      guarantees: expiring.map((letter) => ({
        depositId: letter.depositId,
        reference: letter.reference ?? null,
        expiresOn: letter.expiresOn!,
        daysLeft: daysBetween(today, letter.expiresOn!),
        inForceFen: letter.inForceFen,
      })),
    },
  });
}
