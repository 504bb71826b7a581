import { parseInstant } from '../month';
import { evaluateNoWageAccount } from './no-wage-account';
import { defaultParameters } from './parameters';

describe('evaluateNoWageAccount', () => {
  const parameters = defaultParameters().NO_WAGE_ACCOUNT;
  // Started 1 Sep 2026: the account is due by 1 Sep + 30 = 1 Oct
  it.each<[string, string | null, string, string | null]>([
    ['no account, on day 30', null, '2026-10-01T23:59:59+08:00', null],
    ['no account, day 31', null, '2026-10-02T00:00:00+08:00', 'ORANGE'],
    ['opened in time', '2026-09-20', '2026-12-01T00:00:00+08:00', null],
    ['opened late, after asOf', '2026-10-10', '2026-10-05T00:00:00+08:00', 'ORANGE'],
    ['opened late, now open', '2026-10-10', '2026-10-10T10:00:00+08:00', null],
  ])('%s', (_scenario, accountOpenedOn, asOf, expected) => {
    const result = evaluateNoWageAccount({
      startDate: '2026-09-01',
      accountOpenedOn,
      asOf: parseInstant(asOf),
      parameters,
    });
    expect(result?.severity ?? null).toBe(expected);
  });
});
