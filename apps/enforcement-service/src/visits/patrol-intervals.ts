import { NATIONAL_REGION, regionChain, regionCodeProblem, type RegionCode } from '@wage/domain';

/** The grades a patrol interval is set for: the contractor's grade in force, or none yet. */
export const PATROL_GRADES = ['A', 'B', 'C', 'UNGRADED'] as const;
export type PatrolGrade = (typeof PATROL_GRADES)[number];

/** Months without a visit after which a project is due one (1–24), or `exempt` from routine patrols. */
export type PatrolInterval = number | 'exempt';

/** Each region's intervals, by grade; a region names only the grades it changes, `000000` all of them. */
export type PatrolIntervals = Readonly<Record<RegionCode, Partial<Record<PatrolGrade, PatrolInterval>>>>;

/**
 * The national defaults (DOMAIN.md "Integrity grades"): A left out of routine patrols, C a key target patrolled
 * every month, B every 2 months (more than an ungraded employer), ungraded every 3 months.
 */
export const DEFAULT_PATROL_INTERVALS = '000000=A:exempt;B:2;C:1;UNGRADED:3';

const MAX_MONTHS = 24;

/**
 * `regionCode=grade:value;…` entries, comma-separated, e.g. `000000=A:exempt;B:2;C:1;UNGRADED:3,350206=A:6;B:1`:
 * why it cannot be read, or the table. Any region code of the platform (a district, a 街道 or 社区 too); the
 * national entry names every grade; C, a key target (重点监管), is never exempt.
 */
export function parsePatrolIntervals(value: string): { table: PatrolIntervals } | { problem: string } {
  const table: Record<RegionCode, Partial<Record<PatrolGrade, PatrolInterval>>> = {};
  const example = `e.g. ${DEFAULT_PATROL_INTERVALS}`;
  for (const entry of value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    const at = entry.indexOf('=');
    const region = (at < 0 ? entry : entry.slice(0, at)).trim();
    if (at < 0) return { problem: `"${entry}": each entry is regionCode=grade:value;…, ${example}` };
    const regionProblem = regionCodeProblem(region);
    if (regionProblem !== null) return { problem: `"${entry}": ${regionProblem}` };
    if (table[region] !== undefined) return { problem: `"${entry}": region ${region} is named twice` };
    const grades: Partial<Record<PatrolGrade, PatrolInterval>> = {};
    const parts = entry
      .slice(at + 1)
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    if (parts.length === 0) return { problem: `"${entry}": name at least one grade, ${example}` };
    for (const part of parts) {
      const [grade = '', interval = '', ...rest] = part.split(':').map((p) => p.trim());
      if (!(PATROL_GRADES as readonly string[]).includes(grade) || rest.length > 0)
        return {
          problem: `"${part}" in "${entry}": the grade is A, B, C or UNGRADED, as in A:exempt or B:2`,
        };
      const patrolGrade = grade as PatrolGrade;
      if (grades[patrolGrade] !== undefined) return { problem: `"${entry}": grade ${grade} is named twice` };
      if (interval === 'exempt') {
        if (patrolGrade === 'C')
          return {
            problem: `"${part}" in "${entry}": C employers are key targets (重点监管) and cannot be exempt`,
          };
        grades[patrolGrade] = 'exempt';
      } else if (/^\d{1,2}$/.test(interval) && Number(interval) >= 1 && Number(interval) <= MAX_MONTHS) {
        grades[patrolGrade] = Number(interval);
      } else {
        return {
          problem: `"${part}" in "${entry}": the interval is whole months from 1 to ${MAX_MONTHS}, or exempt`,
        };
      }
    }
    table[region] = grades;
  }
  const national = table[NATIONAL_REGION];
  const missing = PATROL_GRADES.filter((g) => national?.[g] === undefined);
  if (missing.length > 0)
    return {
      problem: `needs a national entry (${NATIONAL_REGION}=…) naming every grade, for regions not listed; missing ${missing.join(', ')}, ${example}`,
    };
  return { table };
}

/**
 * The interval of a grade in a region (a project's grid, else its district): the most specific region that names
 * the grade counts (350206001 over 350206 over 350200 over 350000 over national).
 */
export function patrolInterval(
  table: PatrolIntervals,
  regionCode: RegionCode,
  grade: PatrolGrade,
): PatrolInterval {
  for (const region of [...regionChain(regionCode), NATIONAL_REGION]) {
    const interval = table[region]?.[grade];
    if (interval !== undefined) return interval;
  }
  throw new Error(`no patrol interval for grade ${grade} in ${regionCode} and no national figure`);
}
