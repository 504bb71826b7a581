import {
  acceptanceDeadline,
  checkExtraCompensation,
  checkPenalty,
  extraCompensationRange,
  investigationDeadline,
  workingDaysLeft,
  type PenaltyArticle,
  checkCriminalThreshold,
  criminalThresholdFor,
  NATIONAL_CRIMINAL_THRESHOLD,
  policeTransferOffer,
} from './casework';

// 2026 (State Council notice): Mid-Autumn 25 Sep (Fri) off, worked Sun 20 Sep; National Day 1–7 Oct off, worked
// Sat 10 Oct.
describe('acceptanceDeadline (5 working days)', () => {
  it.each([
    // Tue 9, Wed 10, Thu 11, Fri 12, Mon 15.
    ['2026-06-08', '2026-06-15', 'an ordinary Monday: the weekend skipped'],
    // Fri 25 Sep off; Mon 28, Tue 29, Wed 30; 1–7 Oct off; Thu 8, Fri 9.
    ['2026-09-24', '2026-10-09', 'across Mid-Autumn and National Day'],
    // 1–7 Oct off; Thu 8, Fri 9, Sat 10 (worked), Mon 12, Tue 13.
    ['2026-09-30', '2026-10-13', 'a Saturday worked counts'],
  ])('received %s → decide by %s (%s)', (received, expected) => {
    expect(acceptanceDeadline(received)).toBe(expected);
  });
});

describe('investigationDeadline (60 working days, one extension of 30)', () => {
  it.each([
    // Twelve weeks of weekdays from Mon 14 Sep would end Mon 7 Dec; six weekday holidays (25 Sep, 1, 2, 5, 6, 7 Oct)
    // push it six working days on and the two weekend days worked (20 Sep, 10 Oct) pull it two back: Fri 11 Dec.
    ['2026-09-14', false, '2026-12-11'],
    // Thirty more working days from Fri 11 Dec: 14 in December (14–18, 21–25, 28–31), then 2027, whose schedule is
    // not published yet, Monday to Friday: Fri 1 Jan is the 15th, Fri 22 Jan the 30th.
    ['2026-09-14', true, '2027-01-22'],
    // Sixty weekdays from Mon 2 Mar are twelve weeks, Mon 25 May; four weekday holidays (Qingming 6 Apr, Labour Day
    // 1, 4, 5 May) push it four on and Sat 9 May worked pulls it one back: Thu 28 May.
    ['2026-03-02', false, '2026-05-28'],
  ])('opened %s, extended %s → close by %s', (opened, extended, expected) => {
    expect(investigationDeadline(opened, extended)).toBe(expected);
  });
});

describe('workingDaysLeft', () => {
  it.each([
    ['2026-10-09', '2026-10-09', 0, 'on the deadline'],
    // Thu 8, Fri 9 Oct (1–7 Oct off).
    ['2026-09-30', '2026-10-09', 2, 'across National Day'],
    // Sat 10 Oct (worked) and Mon 12 Oct after the deadline.
    ['2026-10-12', '2026-10-09', -2, 'overdue by two working days'],
    ['2026-06-13', '2026-06-15', 1, 'from a Saturday: only Monday counts'],
  ])('today %s, deadline %s → %i (%s)', (today, deadline, expected) => {
    expect(workingDaysLeft(today, deadline)).toBe(expected);
  });
});

describe('checkPenalty', () => {
  it.each<[PenaltyArticle, number, boolean]>([
    ['ART_54_UNIT', 2_000_000, true], // ¥20,000, the lower bound
    ['ART_54_UNIT', 5_000_000, true], // ¥50,000, the upper bound
    ['ART_54_UNIT', 1_999_999, false], // one fen below
    ['ART_54_UNIT', 5_000_001, false], // one fen above
    ['ART_54_PERSON', 1_000_000, true], // ¥10,000
    ['ART_54_PERSON', 3_500_000, false], // ¥35,000 > ¥30,000
    ['ART_55', 4_999_900, false], // ¥49,999 < ¥50,000
    ['ART_56', 10_000_000, true], // ¥100,000
    ['ART_57', 10_000_100, false], // ¥100,001
  ])('%s, %i fen → within range: %s', (article, amountFen, ok) => {
    const check = () => checkPenalty(article, amountFen);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(/outside it/);
  });
});

describe('extra compensation (50–100 % of the wages owed)', () => {
  it('is half to all of the wages owed, rounded to the fen', () => {
    // ¥12,345.67 owed: half is 617,283.5 fen, rounded half up to 617,284.
    expect(extraCompensationRange(1_234_567)).toEqual({ minFen: 617_284, maxFen: 1_234_567 });
  });
  it.each([
    [1_000_000, 500_000, true], // 50 % of ¥10,000
    [1_000_000, 1_000_000, true], // 100 %
    [1_000_000, 499_999, false],
    [1_000_000, 1_000_001, false],
  ])('owed %i, compensation %i → within range: %s', (owed, amount, ok) => {
    const check = () => checkExtraCompensation(owed, amount);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(/50–100 %/);
  });
  it('needs the wages owed on record', () => {
    expect(() => checkExtraCompensation(0, 100)).toThrow(/no wages owed on record/);
  });
});

describe('the transfer to the police (拒不支付劳动报酬罪)', () => {
  const threshold = { individualFen: 1_000_000, groupFen: 6_000_000 };
  const order = { deadline: '2026-10-19' };
  it.each<[string, { deadline: string }[], number, number, boolean]>([
    ['no order to pay', [], 5_000_000, 1, false],
    // The deadline day is the employer's.
    ['deadline not passed', [{ deadline: '2026-10-20' }], 5_000_000, 1, false],
    ['all recovered after the deadline', [order], 0, 1, false],
    // One worker owed ¥10,000 at a ¥10,000 figure: offered.
    ['one worker at the figure', [order], 1_000_000, 1, true],
    ['one worker below it', [order], 999_999, 1, false],
    // 3 workers owed ¥25,000: the average ¥8,333 does not show any one of them at ¥10,000.
    ['three workers, average below', [order], 2_500_000, 3, false],
    // 10 workers owed ¥60,000 in all: the group figure.
    ['ten workers at the group figure', [order], 6_000_000, 10, true],
    ['ten workers below it', [order], 5_999_999, 10, false],
  ])('%s → %s', (_case, ordersToPay, outstandingFen, workersOwed, offered) => {
    expect(
      policeTransferOffer({ today: '2026-10-20', ordersToPay, outstandingFen, workersOwed, threshold })
        .offered,
    ).toBe(offered);
  });

  it('says why, in Chinese', () => {
    expect(
      policeTransferOffer({
        today: '2026-10-20',
        ordersToPay: [order],
        outstandingFen: 6_000_000,
        workersOwed: 12,
        threshold,
      }).reason,
    ).toBe(
      '逾期未支付，尚欠60000.00元（12人），达到拒不支付劳动报酬罪10人以上60000.00元的标准，可移送公安机关',
    );
  });

  it("takes the province's figures, else the national default, and refuses figures outside the ranges", () => {
    expect(criminalThresholdFor('350206', { '350000': threshold })).toEqual({
      ...threshold,
      province: '350000',
      source: 'PROVINCE',
    });
    expect(criminalThresholdFor('440305', { '350000': threshold })).toEqual({
      ...NATIONAL_CRIMINAL_THRESHOLD,
      province: '440000',
      source: 'NATIONAL',
    });
    expect(() => checkCriminalThreshold({ individualFen: 400_000, groupFen: 6_000_000 })).toThrow(
      'individualFen',
    );
    expect(() => checkCriminalThreshold(threshold)).not.toThrow();
  });
});
