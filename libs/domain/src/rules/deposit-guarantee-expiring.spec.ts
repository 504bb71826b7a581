import { parseInstant } from '../month';
import { evaluateDepositGuaranteeExpiring } from './deposit-guarantee-expiring';
import { defaultParameters } from './parameters';

describe('DEPOSIT_GUARANTEE_EXPIRING', () => {
  const letter = (expiresOn: string, inForceFen = 100_000_000) => ({
    depositId: `letter-${expiresOn}`,
    form: 'GUARANTEE' as const,
    amountFen: inForceFen,
    inForceFen,
    effectiveOn: '2026-01-01',
    expiresOn,
  });
  const guaranteeParameters = defaultParameters().DEPOSIT_GUARANTEE_EXPIRING;
  it.each<[string, string, boolean, object, string | null]>([
    // from 1 Oct: 31 Oct is 30 days away → BLUE; 1 Nov is 31 days away → nothing
    ['expires in 30 days', '2026-10-31', true, {}, 'BLUE'],
    ['expires in 31 days', '2026-11-01', true, {}, null],
    ['expires today', '2026-10-01', true, {}, 'BLUE'],
    ['not in construction', '2026-10-31', false, {}, null],
    // a cash top-up already covers it: 300,000,000 − 100,000,000 ≥ 200,000,000
    [
      'already replaced',
      '2026-10-31',
      true,
      { requiredFen: 200_000_000, depositInForceFen: 300_000_000 },
      null,
    ],
    [
      'not yet replaced',
      '2026-10-31',
      true,
      { requiredFen: 200_000_000, depositInForceFen: 200_000_000 },
      'BLUE',
    ],
  ])('%s', (_scenario, expiresOn, inConstruction, amounts, expected) => {
    const result = evaluateDepositGuaranteeExpiring({
      guarantees: [letter(expiresOn)],
      inConstruction,
      asOf: parseInstant('2026-10-01T10:00:00+08:00'),
      parameters: guaranteeParameters,
      ...amounts,
    });
    expect(result?.severity ?? null).toBe(expected);
  });
});
