import { parseInstant } from '../month';
import { evaluateBankFeedStale } from './bank-feed-stale';
import { defaultParameters } from './parameters';

const at = parseInstant;

describe('BANK_FEED_STALE', () => {
  const parameters = defaultParameters().BANK_FEED_STALE;
  const stale = (statementThrough: string | null, asOf: string) =>
    evaluateBankFeedStale({
      projectStartDate: '2026-09-01',
      payday: 15,
      statementThrough: statementThrough === null ? null : at(statementThrough),
      asOf: at(asOf),
      parameters,
    });

  it.each<[string, string | null, string, string | null]>([
    ['a bank that never stated completeness is not judged', null, '2026-12-01T09:00:00+08:00', null],
    // the first deadline after 1 October is September's, 17 October; stale after 21 October
    ['within the lag', '2026-10-01T00:00:00+08:00', '2026-10-21T23:00:00+08:00', null],
    ['past the lag: BLUE', '2026-10-01T00:00:00+08:00', '2026-10-22T09:00:00+08:00', 'BLUE'],
    // twice the lag: six working days 19–23, 26 October
    ['still BLUE on the sixth working day', '2026-10-01T00:00:00+08:00', '2026-10-26T09:00:00+08:00', 'BLUE'],
    ['past twice the lag: YELLOW', '2026-10-01T00:00:00+08:00', '2026-10-27T09:00:00+08:00', 'YELLOW'],
    // complete through 17 October: the next deadline is October's — payday Sunday 15 November, due Friday 13th,
    // + 2 grace days → 15 November; the lag runs 16–18 November
    ['complete through the last deadline', '2026-10-18T00:00:00+08:00', '2026-11-18T09:00:00+08:00', null],
    ['behind the next deadline', '2026-10-18T00:00:00+08:00', '2026-11-19T09:00:00+08:00', 'BLUE'],
  ])('%s', (_scenario, statement, asOf, severity) => {
    const found = stale(statement, asOf);
    expect(found?.severity ?? null).toBe(severity);
    if (found) expect(found.evidence.facts).toMatchObject({ statementThrough: at(statement!).toISOString() });
  });
});
