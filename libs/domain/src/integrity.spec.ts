import {
  addMonths,
  annualGrade,
  consecutiveAYears,
  decideListing,
  downgradeOnFinding,
  earliestRemoval,
  earlyRemovalProblems,
  gradeOf,
  isListedOn,
  listedUntil,
  statementDeadline,
  type AggravatingCircumstance,
  type EmployerFinding,
} from './integrity';

let next = 0;
function found(
  at: string,
  options: { unpaidWages?: boolean; violations?: string[]; circumstances?: AggravatingCircumstance[] } = {},
): EmployerFinding {
  return {
    caseId: `case-${++next}`,
    foundAt: new Date(at),
    unpaidWages: options.unpaidWages ?? true,
    violations: options.violations ?? ['拖欠农民工工资'],
    circumstances: options.circumstances ?? [],
  };
}

describe('gradeOf (人社部规〔2016〕1号)', () => {
  it.each<[string, EmployerFinding[], string, string[]]>([
    ['no finding: A', [], 'A', []],
    [
      'a finding with nothing found counts for nothing: A',
      [found('2026-03-01T10:00:00+08:00', { unpaidWages: false, violations: [] })],
      'A',
      [],
    ],
    ['one finding of unpaid wages: B', [found('2026-03-01T10:00:00+08:00')], 'B', []],
    [
      'two findings: still B',
      [found('2026-03-01T10:00:00+08:00'), found('2026-05-01T10:00:00+08:00')],
      'B',
      [],
    ],
    [
      'three findings (查处三次以上): C',
      [
        found('2026-03-01T10:00:00+08:00'),
        found('2026-05-01T10:00:00+08:00', { unpaidWages: false, violations: ['未按规定开设专户'] }),
        found('2026-07-01T10:00:00+08:00'),
      ],
      'C',
      ['THREE_OR_MORE_FINDINGS'],
    ],
    [
      'a group incident (群体性事件): C on one finding',
      [found('2026-03-01T10:00:00+08:00', { circumstances: ['GROUP_INCIDENT'] })],
      'C',
      ['GROUP_INCIDENT'],
    ],
    [
      'refused a rectification order: C',
      [found('2026-03-01T10:00:00+08:00', { circumstances: ['REFUSED_ORDER'] })],
      'C',
      ['REFUSED_ORDER'],
    ],
    [
      'obstructed inspection: C',
      [found('2026-03-01T10:00:00+08:00', { unpaidWages: false, circumstances: ['OBSTRUCTED_INSPECTION'] })],
      'C',
      ['OBSTRUCTED_INSPECTION'],
    ],
    [
      'prosecuted: C',
      [found('2026-03-01T10:00:00+08:00', { circumstances: ['PROSECUTED'] })],
      'C',
      ['PROSECUTED'],
    ],
  ])('%s', (_, findings, grade, criteria) => {
    const verdict = gradeOf(findings);
    expect(verdict.grade).toBe(grade);
    expect(verdict.criteria).toEqual(criteria);
    // the grade lists the findings it rests on
    expect(verdict.basis).toEqual(
      findings
        .filter((f) => f.unpaidWages || f.violations.length || f.circumstances.length)
        .map((f) => f.caseId),
    );
  });

  it('says whether a C is for unpaid wages (the deposit doubles only then)', () => {
    expect(gradeOf([found('2026-03-01T10:00:00+08:00', { circumstances: ['PROSECUTED'] })]).unpaidWages).toBe(
      true,
    );
    const obstructed = found('2026-03-01T10:00:00+08:00', {
      unpaidWages: false,
      violations: ['阻挠检查'],
      circumstances: ['OBSTRUCTED_INSPECTION'],
    });
    expect(gradeOf([obstructed])).toMatchObject({ grade: 'C', unpaidWages: false });
  });
});

describe('annualGrade: the calendar year in Asia/Shanghai', () => {
  // 2026-12-31T16:30:00Z is 00:30 on 1 January 2027 in Shanghai: it counts for 2027, not 2026.
  const findings = [
    found('2026-12-31T23:59:00+08:00'),
    found('2026-12-31T16:30:00Z'),
    found('2026-01-01T00:00:00+08:00'),
    found('2025-12-31T15:59:00Z'), // 23:59 on 31 Dec 2025 in Shanghai
  ];
  it.each([
    [2025, 'B', 1],
    [2026, 'B', 2], // 1 Jan 00:00 and 31 Dec 23:59
    [2027, 'B', 1],
    [2028, 'A', 0],
  ])('year %i → %s on %i finding(s)', (year, grade, count) => {
    const verdict = annualGrade(year, findings);
    expect(verdict.grade).toBe(grade);
    expect(verdict.basis).toHaveLength(count);
  });
});

describe('downgradeOnFinding: a new finding downgrades at once, never upgrades', () => {
  const b1 = found('2026-04-01T10:00:00+08:00');
  const b2 = found('2026-06-01T10:00:00+08:00');
  it('A → B on a first finding', () => {
    expect(downgradeOnFinding({ grade: 'A', basis: [] }, found('2027-02-01T10:00:00+08:00'))).toMatchObject({
      grade: 'B',
    });
  });
  it('B on two findings → C on the third', () => {
    const third = found('2027-02-01T10:00:00+08:00');
    expect(downgradeOnFinding({ grade: 'B', basis: [b1, b2] }, third)).toEqual({
      grade: 'C',
      criteria: ['THREE_OR_MORE_FINDINGS'],
      basis: [b1.caseId, b2.caseId, third.caseId],
      unpaidWages: true,
    });
  });
  it('B on one finding stays B on a second: no change', () => {
    expect(downgradeOnFinding({ grade: 'B', basis: [b1] }, b2)).toBeNull();
  });
  it('C stays C; the same finding again changes nothing; a finding of nothing changes nothing', () => {
    expect(downgradeOnFinding({ grade: 'C', basis: [b1] }, b2)).toBeNull();
    expect(downgradeOnFinding({ grade: 'B', basis: [b1, b2] }, b2)).toBeNull();
    const nothing = found('2027-02-01T10:00:00+08:00', { unpaidWages: false, violations: [] });
    expect(downgradeOnFinding({ grade: 'A', basis: [] }, nothing)).toBeNull();
  });
  it('B → C at once on an extreme incident', () => {
    const incident = found('2027-02-01T10:00:00+08:00', { circumstances: ['GROUP_INCIDENT'] });
    expect(downgradeOnFinding({ grade: 'B', basis: [b1] }, incident)?.criteria).toEqual(['GROUP_INCIDENT']);
  });
});

describe('consecutiveAYears', () => {
  it.each([
    [[], 0],
    [[{ year: 2026, grade: 'A' }], 1],
    [
      [
        { year: 2024, grade: 'A' },
        { year: 2025, grade: 'A' },
        { year: 2026, grade: 'A' },
      ],
      3,
    ],
    // a B in 2025 ends the run
    [
      [
        { year: 2024, grade: 'A' },
        { year: 2025, grade: 'B' },
        { year: 2026, grade: 'A' },
      ],
      1,
    ],
    // a year not graded ends it too
    [
      [
        { year: 2023, grade: 'A' },
        { year: 2024, grade: 'A' },
        { year: 2026, grade: 'A' },
      ],
      1,
    ],
    [[{ year: 2026, grade: 'C' }], 0],
  ] as const)('%j → %i', (history, expected) => {
    expect(consecutiveAYears(history)).toBe(expected);
  });
});

// 2026 (State Council notice): National Day 1–7 Oct off, worked Sat 10 Oct.
describe('the blacklist clock (人社部令第45号)', () => {
  it.each([
    // Tue 9, Wed 10, Thu 11, Fri 12, Mon 15 June
    ['2026-06-08', '2026-06-15', 'an ordinary Monday: the weekend skipped'],
    // Wed 30 Sep; 1–7 Oct off; Thu 8, Fri 9, Sat 10 (worked), Mon 12 → the 5th working day is Mon 12
    ['2026-09-29', '2026-10-12', 'across National Day, the Saturday worked counted'],
  ])('notice on %s → statement by %s (%s)', (notice, expected) => {
    expect(statementDeadline(notice)).toBe(expected);
  });

  it.each([
    ['2026-10-12', '2029-10-11'],
    // 29 Feb 2028 + 3 years has no 29 Feb: the anniversary is 28 Feb 2031, the last day listed 27 Feb
    ['2028-02-29', '2031-02-27'],
  ])('decided %s → listed through %s (3 years)', (decided, until) => {
    expect(listedUntil(decided)).toBe(until);
  });

  it('is listed from the decision through its last day, not on the anniversary', () => {
    expect(isListedOn('2026-10-12', '2026-10-11')).toBe(false);
    expect(isListedOn('2026-10-12', '2026-10-12')).toBe(true);
    expect(isListedOn('2026-10-12', '2029-10-11')).toBe(true);
    expect(isListedOn('2026-10-12', '2029-10-12')).toBe(false);
  });

  const notice = { noticeOn: '2026-06-08', outstandingFen: 2_400_000, listed: true };
  it.each<[string, Partial<Parameters<typeof decideListing>[0]>, object]>([
    [
      'during the statement period, no statement: too early',
      { today: '2026-06-15', statementReceived: false },
      { outcome: 'STATEMENT_PERIOD_OPEN', statementBy: '2026-06-15' },
    ],
    [
      'the day after the period: listed for 3 years',
      { today: '2026-06-16', statementReceived: false },
      { outcome: 'LISTED', listedUntil: '2029-06-15' },
    ],
    [
      'a statement recorded: the decision may come at once',
      { today: '2026-06-10', statementReceived: true },
      { outcome: 'LISTED', listedUntil: '2029-06-09' },
    ],
    [
      'the inspector decides not to list',
      { today: '2026-06-16', statementReceived: true, listed: false },
      { outcome: 'NOT_LISTED' },
    ],
    [
      'wages paid in full before the decision end the procedure, whatever was decided',
      { today: '2026-06-16', statementReceived: false, outstandingFen: 0 },
      { outcome: 'ENDED_BY_PAYMENT' },
    ],
  ])('%s', (_, input, expected) => {
    expect(decideListing({ ...notice, statementReceived: false, today: '2026-06-16', ...input })).toEqual(
      expected,
    );
  });

  const listing = { decidedOn: '2026-06-16', outstandingFen: 0, pledgeReference: '信用承诺书 2026-017' };
  it.each<[string, Partial<Parameters<typeof earlyRemovalProblems>[0]>, string[]]>([
    ['paid, 6 months passed, pledge on file: may be removed', { today: '2026-12-16' }, []],
    ['one day short of 6 months', { today: '2026-12-15' }, ['TOO_SOON']],
    ['arrears still outstanding', { today: '2027-01-04', outstandingFen: 1 }, ['ARREARS_UNPAID']],
    ['no pledge', { today: '2027-01-04', pledgeReference: ' ' }, ['NO_PLEDGE']],
    [
      'none of the three',
      { today: '2026-07-01', outstandingFen: 100, pledgeReference: null },
      ['ARREARS_UNPAID', 'TOO_SOON', 'NO_PLEDGE'],
    ],
  ])('%s', (_, input, problems) => {
    expect(earlyRemovalProblems({ ...listing, today: '2027-01-04', ...input })).toEqual(problems);
  });

  it('early removal first on the day 6 months after the decision; 31 Aug + 6 months is 28 Feb', () => {
    expect(earliestRemoval('2026-06-16')).toBe('2026-12-16');
    expect(earliestRemoval('2026-08-31')).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
