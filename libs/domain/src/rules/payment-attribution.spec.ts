import { parseInstant } from '../month';
import { attributePayments, type MonthWorked, type PayrollPayment } from './payment-attribution';

const at = parseInstant;
const pay = (
  serialNo: string,
  amountFen: number,
  occurredAt: string,
  payrollMonth?: string,
): PayrollPayment => ({
  serialNo,
  amountFen,
  occurredAt: at(occurredAt),
  ...(payrollMonth && { payrollMonth }),
});

type Row = { month: string; paidFen: number; payments: string[] };
const summary = (months: ReturnType<typeof attributePayments>['months']): Row[] =>
  months.map(({ month, paidFen, payments }) => ({ month, paidFen, payments }));

describe('attributePayments', () => {
  it.each<[string, MonthWorked[], PayrollPayment[], Row[]]>([
    [
      'payrollMonth decides, even against the date order',
      [
        { month: '2026-08', netPayFen: 500_000 },
        { month: '2026-09', netPayFen: 600_000 },
      ],
      // Paid in October for September although August is still owed
      [pay('S1', 600_000, '2026-10-10T10:00:00+08:00', '2026-09')],
      [
        { month: '2026-08', paidFen: 0, payments: [] },
        { month: '2026-09', paidFen: 600_000, payments: ['S1'] },
      ],
    ],
    [
      'without payrollMonth: the earliest month still owed',
      [
        { month: '2026-08', netPayFen: 500_000 },
        { month: '2026-09', netPayFen: 600_000 },
      ],
      // S1 pays August in full (500,000 = 500,000), so S2 goes to September
      [pay('S1', 500_000, '2026-10-10T10:00:00+08:00'), pay('S2', 600_000, '2026-10-11T10:00:00+08:00')],
      [
        { month: '2026-08', paidFen: 500_000, payments: ['S1'] },
        { month: '2026-09', paidFen: 600_000, payments: ['S2'] },
      ],
    ],
    [
      'partial then full payment of one month',
      [
        { month: '2026-08', netPayFen: 500_000 },
        { month: '2026-09', netPayFen: 600_000 },
      ],
      // S1 300,000 < 500,000: August still owed 200,000, so S2 also pays August (300,000 + 200,000 = 500,000)
      [pay('S1', 300_000, '2026-09-15T10:00:00+08:00'), pay('S2', 200_000, '2026-09-20T10:00:00+08:00')],
      [
        { month: '2026-08', paidFen: 500_000, payments: ['S1', 'S2'] },
        { month: '2026-09', paidFen: 0, payments: [] },
      ],
    ],
    [
      'a month without a sheet is owed until any payment arrives',
      [
        { month: '2026-08', netPayFen: null },
        { month: '2026-09', netPayFen: null },
      ],
      // S1 pays August (anything pays a month without a sheet), S2 then September
      [pay('S1', 1_000, '2026-10-01T10:00:00+08:00'), pay('S2', 1_000, '2026-10-02T10:00:00+08:00')],
      [
        { month: '2026-08', paidFen: 1_000, payments: ['S1'] },
        { month: '2026-09', paidFen: 1_000, payments: ['S2'] },
      ],
    ],
    [
      'only months up to the payment month in Shanghai',
      [
        { month: '2026-09', netPayFen: 100_000 },
        { month: '2026-10', netPayFen: 100_000 },
      ],
      // 30 Sep 15:59Z is 23:59 on 30 Sep in Shanghai: only September is a candidate; paid in full.
      // S2 on 30 Sep 16:00Z is already 1 Oct in Shanghai: September is paid, so October.
      [pay('S1', 100_000, '2026-09-30T15:59:00Z'), pay('S2', 100_000, '2026-09-30T16:00:00Z')],
      [
        { month: '2026-09', paidFen: 100_000, payments: ['S1'] },
        { month: '2026-10', paidFen: 100_000, payments: ['S2'] },
      ],
    ],
    [
      'nothing owed: an overpayment counts for the latest month up to its own',
      [
        { month: '2026-08', netPayFen: 100_000 },
        { month: '2026-10', netPayFen: 100_000 },
      ],
      // In September August is paid and October is later than the payment: S2 stays with August
      [pay('S1', 100_000, '2026-09-10T10:00:00+08:00'), pay('S2', 5_000, '2026-09-20T10:00:00+08:00')],
      [
        { month: '2026-08', paidFen: 105_000, payments: ['S1', 'S2'] },
        { month: '2026-10', paidFen: 0, payments: [] },
      ],
    ],
    [
      'a payment is not split: the excess stays with the earliest month owed',
      [
        { month: '2026-08', netPayFen: 100_000 },
        { month: '2026-09', netPayFen: 100_000 },
      ],
      [pay('S1', 200_000, '2026-10-10T10:00:00+08:00')],
      [
        { month: '2026-08', paidFen: 200_000, payments: ['S1'] },
        { month: '2026-09', paidFen: 0, payments: [] },
      ],
    ],
    [
      'payments are taken in time order, then by serial number',
      [
        { month: '2026-08', netPayFen: 100_000 },
        { month: '2026-09', netPayFen: 100_000 },
      ],
      // Given out of order: S0 at 09:00 comes first and pays August; S2 and S1 at the same instant → S1 first
      [
        pay('S2', 100_000, '2026-10-10T10:00:00+08:00'),
        pay('S1', 50_000, '2026-10-10T10:00:00+08:00'),
        pay('S0', 100_000, '2026-10-10T09:00:00+08:00'),
      ],
      [
        { month: '2026-08', paidFen: 100_000, payments: ['S0'] },
        { month: '2026-09', paidFen: 150_000, payments: ['S1', 'S2'] },
      ],
    ],
    [
      'a payrollMonth the worker did not work still appears',
      [{ month: '2026-09', netPayFen: 100_000 }],
      [pay('S1', 100_000, '2026-10-10T10:00:00+08:00', '2026-07')],
      [
        { month: '2026-07', paidFen: 100_000, payments: ['S1'] },
        { month: '2026-09', paidFen: 0, payments: [] },
      ],
    ],
  ])('%s', (_scenario, monthsWorked, payments, expected) => {
    expect(summary(attributePayments(monthsWorked, payments).months)).toEqual(expected);
  });

  it('keeps a payment made before any month worked apart', () => {
    const early = pay('S1', 100_000, '2026-08-20T10:00:00+08:00');
    const result = attributePayments([{ month: '2026-09', netPayFen: 100_000 }], [early]);
    expect(result.unattributed).toEqual([early]);
    expect(result.months[0].paidFen).toBe(0);
  });

  it('sums what arrived by each deadline and the last payment instant', () => {
    // September's deadline: payday 10 → Sat 10 Oct is worked (调休) → + 2 = 12 Oct, 23:59:59.999 Shanghai
    const deadline = at('2026-10-12T23:59:59.999+08:00');
    const { months } = attributePayments(
      [{ month: '2026-09', netPayFen: 500_000 }],
      [
        pay('S1', 300_000, '2026-10-12T23:59:59.999+08:00'), // on time, the last instant
        pay('S2', 200_000, '2026-10-13T00:00:00+08:00'), // one millisecond late
      ],
      { deadlines: { '2026-09': deadline } },
    );
    expect(months[0]).toEqual({
      month: '2026-09',
      netPayFen: 500_000,
      paidFen: 500_000,
      paidByDeadlineFen: 300_000,
      payments: ['S1', 'S2'],
      lastPaidAt: at('2026-10-13T00:00:00+08:00'),
    });
  });

  it('ignores payments after asOf', () => {
    const { months } = attributePayments(
      [{ month: '2026-09', netPayFen: 500_000 }],
      [pay('S1', 300_000, '2026-10-10T10:00:00+08:00'), pay('S2', 200_000, '2026-10-20T10:00:00+08:00')],
      { asOf: at('2026-10-15T00:00:00+08:00') },
    );
    expect(months[0].paidFen).toBe(300_000);
  });
});
