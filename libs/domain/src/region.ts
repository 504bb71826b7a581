import { DomainError } from './errors';

/**
 * GB/T 2260 行政区划代码: '350000' province, '350200' city, '350206' district (or county); below a district the
 * statistical division codes of the grids: '350206001' 街道/乡镇 (STREET), '350206001001' 社区/村 (COMMUNITY).
 */
export type RegionCode = string;
export type RegionLevel = 'NATIONAL' | 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';

/**
 * The whole country, for national users and defaults. It is not a GB/T 2260 code: its prefix is empty, so it
 * covers every region and has the provinces as direct children, but `parentRegion` and `regionChain` stop at
 * the province, as the standard's hierarchy does.
 */
export const NATIONAL_REGION: RegionCode = '000000';

// A grid's code is its district's and three digits more per level, never 000 (the twelve-digit form of the level
// above in 统计用区划代码, which this platform writes short).
const REGION_CODE_PATTERN = /^(?!00)\d{6}((?!000)\d{3}){0,2}$/;
const LEVEL_BY_PREFIX_LENGTH: Readonly<Record<number, RegionLevel>> = {
  0: 'NATIONAL',
  2: 'PROVINCE',
  4: 'CITY',
  6: 'DISTRICT',
  9: 'STREET',
  12: 'COMMUNITY',
};

export function isRegionCode(value: string): boolean {
  return value === NATIONAL_REGION || REGION_CODE_PATTERN.test(value);
}

export function regionLevel(code: RegionCode): RegionLevel {
  return LEVEL_BY_PREFIX_LENGTH[regionPrefix(code).length];
}

/**
 * The leading digits every region inside this one shares: 350000 → '35', 350200 → '3502', 350206 → '350206',
 * and a grid is its own prefix (350206001 covers 350206001001).
 */
export function regionPrefix(code: RegionCode): string {
  checkRegionCode(code);
  if (code === NATIONAL_REGION) return '';
  if (code.length > 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether a user of `userRegion` oversees `projectRegion`: a region covers itself and everything inside it. */
export function covers(userRegion: RegionCode, projectRegion: RegionCode): boolean {
  checkRegionCode(projectRegion);
  return projectRegion.startsWith(regionPrefix(userRegion));
}

/**
 * The region one level up: 350206001001 → 350206001 → 350206 → 350200 → 350000 → null. A county directly under a province (a code
 * like 'xx00yy') has the province as its parent.
 */
export function parentRegion(code: RegionCode): RegionCode | null {
  switch (regionLevel(code)) {
    case 'NATIONAL':
    case 'PROVINCE':
      return null;
    case 'CITY':
      return `${code.slice(0, 2)}0000`;
    case 'DISTRICT':
      return `${code.slice(0, 4)}00`;
    case 'STREET':
    case 'COMMUNITY':
      return code.slice(0, code.length - 3);
  }
}

/** The region and those above it, most specific first: 350206 → [350206, 350200, 350000]. */
export function regionChain(code: RegionCode): RegionCode[] {
  const chain = [code];
  for (let parent = parentRegion(code); parent !== null; parent = parentRegion(parent)) chain.push(parent);
  return chain;
}

/** Whether `child` is one level below `parent`, for drilling down; provinces are the children of the nation. */
export function isDirectChild(parent: RegionCode, child: RegionCode): boolean {
  checkRegionCode(parent);
  return child !== NATIONAL_REGION && (parentRegion(child) ?? NATIONAL_REGION) === parent;
}

function checkRegionCode(code: RegionCode): void {
  if (!isRegionCode(code)) {
    throw new DomainError(
      'INVALID_REGION_CODE',
      `"${code}" is not a region code; use the six-digit GB/T 2260 code, e.g. "350206", a 街道/乡镇 of nine digits ("350206001") or a 社区/村 of twelve ("350206001001"), or "000000" for the whole country.`,
    );
  }
}
