import { finding, type Finding, type RuleCode } from './finding';
import {
  evaluateRectificationOverdue,
  type RectificationOrder,
  rectificationOverdueVerdict,
  WAGE_VIOLATIONS,
} from './rectification-overdue';

const month = '2026-09';
// 2026-11-10 10:00 in Shanghai.
const asOf = new Date('2026-11-10T02:00:00Z');
const order = (over: Partial<RectificationOrder> = {}): RectificationOrder => ({
  caseId: '00000000-0000-4000-8000-000000000001',
  actionId: '00000000-0000-4000-8000-000000000002',
  documentNo: '厦湖人社监令〔2026〕1号',
  deadline: '2026-11-05',
  violations: WAGE_VIOLATIONS,
  ordersPayment: true,
  amountFen: 500_000,
  orderedAt: new Date('2026-10-28T02:00:00Z'),
  ...over,
});
const arrears = finding({
  code: 'WAGE_ARREARS',
  severity: 'RED',
  month,
  title: '欠薪',
  workers: [{ idHash: 'h1', idMasked: '350206********1234', name: '张三', amountDueFen: 500_000 }],
  amounts: { netPayDueFen: 500_000 },
  parameters: {},
});
const paySheetMissing = finding({
  code: 'PAY_SHEET_MISSING',
  severity: 'YELLOW',
  month,
  title: '无表',
  parameters: {},
});
const found = (...findings: Finding[]) => new Map<RuleCode, Finding>(findings.map((f) => [f.code, f]));

describe('RECTIFICATION_OVERDUE', () => {
  it.each<[string, RectificationOrder[], Map<RuleCode, Finding>, string | null]>([
    ['no order', [], found(arrears), null],
    // The deadline day is the employer's: on 2026-11-05 itself nothing is overdue yet.
    ['deadline is today', [order({ deadline: '2026-11-10' })], found(arrears), null],
    ['deadline not reached', [order({ deadline: '2026-11-20' })], found(arrears), null],
    // Deadline passed and the wages still unpaid: an order to pay wages unheeded is RED.
    ['order to pay unheeded', [order()], found(arrears), 'RED'],
    // The payment arrived: no arrears in the data, nothing overdue.
    ['wages paid', [order()], found(), null],
    // An order about another violation (a pay sheet to be made) still not complied with: ORANGE.
    [
      'order to make the pay sheet unheeded',
      [order({ violations: ['PAY_SHEET_MISSING'], ordersPayment: false, amountFen: null })],
      found(paySheetMissing),
      'ORANGE',
    ],
    // The data show a violation the order was not about: not this order's concern.
    [
      'another violation only',
      [order({ violations: ['PAY_SHEET_MISSING'], ordersPayment: false })],
      found(arrears),
      null,
    ],
    // A dry run before the order was recorded does not see it.
    [
      'order recorded after asOf',
      [order({ orderedAt: new Date('2026-11-11T00:00:00Z') })],
      found(arrears),
      null,
    ],
    // Two orders, one of them to pay: RED.
    [
      'two orders, one to pay',
      [order({ violations: ['PAY_SHEET_MISSING'], ordersPayment: false }), order({ deadline: '2026-11-06' })],
      found(arrears, paySheetMissing),
      'RED',
    ],
  ])('%s → %s', (_case, orders, findings, severity) => {
    expect(evaluateRectificationOverdue({ month, orders, found: findings, asOf })?.severity ?? null).toBe(
      severity,
    );
  });

  it('names the order, its deadline, the workers masked and what is still owed', () => {
    const result = evaluateRectificationOverdue({ month, orders: [order()], found: found(arrears), asOf })!;
    expect(result.title).toBe('2026年9月 责令支付工资指令逾期未整改（1份，期限2026-11-05，已逾期5天）');
    expect(result.evidence.workers).toEqual([expect.objectContaining({ idMasked: '350206********1234' })]);
    expect(result.evidence.amounts).toEqual({ orderedFen: 500_000, stillOwedFen: 500_000 });
    expect(result.evidence.facts).toMatchObject({
      earliestDeadline: '2026-11-05',
      orders: [
        expect.objectContaining({
          documentNo: '厦湖人社监令〔2026〕1号',
          violationsStanding: ['WAGE_ARREARS'],
        }),
      ],
    });
  });

  it('waits while the arrears it rests on wait for the bank, and is not suppressed for wages due', () => {
    const verdict = (withheld?: string) =>
      rectificationOverdueVerdict({
        month,
        orders: [order()],
        verdicts: [
          {
            code: 'WAGE_ARREARS',
            finding: withheld ? null : arrears,
            suppression: { suppressed: false },
            ...(withheld && { withheld }),
          },
        ],
        asOf,
        parameterSources: {},
      });
    expect(verdict('bank feed complete through …').withheld).toBe('bank feed complete through …');
    expect(verdict().finding?.severity).toBe('RED');
    expect(verdict().suppression).toEqual({ suppressed: false });
  });
});
