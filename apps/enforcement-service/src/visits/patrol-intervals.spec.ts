import { envSchema } from '../config/env';
import { parsePatrolIntervals, patrolInterval, type PatrolIntervals } from './patrol-intervals';

describe('the patrol intervals of the visit plans', () => {
  const parse = (value: string | undefined) =>
    envSchema.shape.PATROL_INTERVALS.safeParse(value) as {
      success: boolean;
      data?: unknown;
      error?: { issues: { message: string }[] };
    };

  it('defaults to A exempt, B every 2 months, C every month, ungraded every 3 months', () => {
    expect(parse(undefined)).toEqual({
      success: true,
      data: { '000000': { A: 'exempt', B: 2, C: 1, UNGRADED: 3 } },
    });
  });

  it('reads regionCode=grade:value entries, a district, 街道 or 社区 naming only what it changes', () => {
    expect(parse(' 000000=A:exempt; B:2;C:1;UNGRADED:3 , 350206=A:6;B:1,350206001=UNGRADED:exempt')).toEqual({
      success: true,
      data: {
        '000000': { A: 'exempt', B: 2, C: 1, UNGRADED: 3 },
        '350206': { A: 6, B: 1 },
        '350206001': { UNGRADED: 'exempt' },
      },
    });
  });

  it.each([
    ['350206=A:6', /national entry \(000000=…\).*missing A, B, C, UNGRADED/],
    ['000000=A:exempt;B:2;C:1', /missing UNGRADED/],
    ['000000=A:exempt;B:2;C:1;UNGRADED:3,35020=A:1', /GB\/T 2260 region code/],
    ['000000=A:exempt;B:2;C:exempt;UNGRADED:3', /key targets \(重点监管\) and cannot be exempt/],
    ['000000=A:exempt;B:0;C:1;UNGRADED:3', /whole months from 1 to 24, or exempt/],
    ['000000=A:exempt;B:25;C:1;UNGRADED:3', /whole months from 1 to 24/],
    ['000000=A:exempt;B:1.5;C:1;UNGRADED:3', /whole months/],
    ['000000=A:exempt;D:2;C:1;UNGRADED:3', /the grade is A, B, C or UNGRADED/],
    ['000000=A:exempt;B:2;B:3;C:1;UNGRADED:3', /grade B is named twice/],
    ['000000=A:exempt;B:2;C:1;UNGRADED:3,000000=A:1', /region 000000 is named twice/],
    ['000000', /each entry is regionCode=grade:value/],
    ['', /national entry/],
  ])('refuses %j at boot: %s', (value, message) => {
    const parsed = parse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(message);
  });

  describe('the most specific region naming the grade counts', () => {
    const table = (
      parsePatrolIntervals('000000=A:exempt;B:2;C:1;UNGRADED:3,350000=B:3,350206=A:6,350206002=A:2;B:1') as {
        table: PatrolIntervals;
      }
    ).table;

    it.each([
      // region      grade        interval
      ['350206002', 'A', 2], // 殿前街道 itself
      ['350206002', 'B', 1],
      ['350206001', 'A', 6], // 湖里街道 → 湖里区
      ['350206001', 'B', 3], // → 福建省
      ['350206001', 'C', 1], // → national
      ['350206001001', 'UNGRADED', 3], // a 社区 of 湖里街道 → national
      ['110105', 'A', 'exempt'], // 北京市朝阳区: nothing listed → national
      ['110105', 'B', 2],
    ] as const)('%s, grade %s → %s', (region, grade, interval) => {
      expect(patrolInterval(table, region, grade)).toBe(interval);
    });
  });
});
