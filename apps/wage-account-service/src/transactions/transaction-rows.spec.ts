import { identityCheckDigit } from '@wage/domain';
import { checkTransactionRows } from './transaction-rows';

const now = new Date('2026-04-01T00:00:00Z');
/** The account was opened on 1 March 2026. */
const bounds = { now, today: '2026-04-01', openedOn: '2026-03-01' };
const idNumber = (() => {
  const first17 = '35020619850312123';
  return first17 + identityCheckDigit(first17);
})();
const payroll = {
  serialNo: 'S1',
  occurredAt: '2026-03-10T10:00:00+08:00',
  direction: 'DEBIT',
  kind: 'PAYROLL',
  amount: '1234.5',
  counterparty: { name: 'Zhang San', accountNumber: '6222020200112233445', idNumber: idNumber.toLowerCase() },
  payrollMonth: '2026-02',
  memo: 'wages to 6222020200112233445',
};

describe('checking transaction rows', () => {
  it('reads a valid payroll row: fen, instant, normalised identity number, memo with numbers masked', () => {
    const { transactions, errors } = checkTransactionRows([payroll], bounds);
    expect(errors).toEqual([]);
    expect(transactions[0].transaction).toMatchObject({
      amountFen: 123_450,
      occurredAt: new Date('2026-03-10T02:00:00Z'),
      counterparty: { idNumber },
      memo: 'wages to 6222***********3445',
    });
  });

  it.each([
    ['a credit that is a payroll', { direction: 'CREDIT' }, 'direction', 'DIRECTION_MISMATCH'],
    ['an amount of zero', { amount: '0.00' }, 'amount', 'INVALID_AMOUNT'],
    ['an amount with three decimals', { amount: '1.005' }, 'amount', 'INVALID_AMOUNT'],
    ['a time without offset', { occurredAt: '2026-03-10T10:00:00' }, 'occurredAt', 'INVALID_INSTANT'],
    ['a time in the future', { occurredAt: '2026-04-02T00:00:00Z' }, 'occurredAt', 'INVALID_INSTANT'],
    ['an offset no zone has', { occurredAt: '2026-03-10T10:00:00+15:00' }, 'occurredAt', 'INVALID_INSTANT'],
    // 23:59 on 28 February in Shanghai: the day before the account was opened
    [
      'a time before the account was opened',
      { occurredAt: '2026-02-28T23:59:00+08:00' },
      'occurredAt',
      'BEFORE_ACCOUNT_OPENED',
    ],
    ['the epoch', { occurredAt: '1970-01-01T00:00:00Z' }, 'occurredAt', 'BEFORE_ACCOUNT_OPENED'],
    [
      'a payroll month on a fee',
      { kind: 'FEE', payrollMonth: '2026-02' },
      'payrollMonth',
      'PAYROLL_MONTH_NOT_ALLOWED',
    ],
    ['a payroll month that is no month', { payrollMonth: '2026-13' }, 'payrollMonth', 'INVALID_MONTH'],
    ['an unknown kind', { kind: 'GIFT' }, 'kind', 'INVALID_FIELD'],
    ['no serial number', { serialNo: undefined }, 'serialNo', 'REQUIRED'],
    [
      'a card number with spaces',
      { counterparty: { name: 'Zhang San', accountNumber: '6222 0202 0011 2233' } },
      'counterparty.accountNumber',
      'INVALID_ACCOUNT_NUMBER',
    ],
    [
      'a transfer without counterparty account',
      { kind: 'TRANSFER', payrollMonth: undefined, counterparty: { name: '某建材有限公司' } },
      'counterparty.accountNumber',
      'REQUIRED',
    ],
    [
      'a payroll without counterparty account',
      { counterparty: { name: 'Zhang San', idNumber } },
      'counterparty.accountNumber',
      'REQUIRED',
    ],
  ])('reports %s', (_case, change, field, code) => {
    const { transactions, errors } = checkTransactionRows([{ ...payroll, ...change }], bounds);
    expect(transactions).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ index: 0, field, code })]);
    expect(JSON.stringify(errors)).not.toContain('6222');
  });

  it.each([
    ['cash taken at the counter (现金支取)', 'WITHDRAWAL', '现金支取'],
    ["the bank's fee", 'FEE', '中国工商银行厦门分行'],
  ])('reads %s without a counterparty account', (_case, kind, name) => {
    const row = { ...payroll, kind, payrollMonth: undefined, memo: undefined, counterparty: { name } };
    const { transactions, errors } = checkTransactionRows([row], bounds);
    expect(errors).toEqual([]);
    expect(transactions[0].transaction.counterparty).toEqual({ name });
  });
});
