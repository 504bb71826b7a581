import { covers, NATIONAL_REGION, regionPrefix, type RegionCode } from '@wage/domain';
import { ApiError, isAdmin, regionCodeField, type Principal } from '@wage/platform';

export const regionCodeParam = regionCodeField;

/**
 * The region a report is for: the one asked for, or by default the caller's own (the whole country for an
 * administrator). A user sees only regions their own covers: an inspector of 350200 may ask for 350206, not 350100.
 */
export function scopedRegion(principal: Principal, requested: RegionCode | undefined): RegionCode {
  if (isAdmin(principal)) return requested ?? NATIONAL_REGION;
  if (principal.kind !== 'user') throw ApiError.forbidden('reports are for users and administrators');
  const region = requested ?? principal.regionCode;
  if (!covers(principal.regionCode, region)) {
    throw ApiError.forbidden(
      `your region ${principal.regionCode} does not cover region ${region}; ask for ${principal.regionCode} or a region inside it`,
    );
  }
  return region;
}

/** What the SQL below needs to sum a region and group it into its child regions. */
export interface RegionQuery {
  /** `LIKE` pattern of every exact region code inside the region. */
  pattern: string;
  /** Length of the region's prefix: 0 national, 2 province, 4 city, 6 district, 9 street, 12 community. */
  prefixLength: number;
}

export function regionQuery(region: RegionCode): RegionQuery {
  const prefix = regionPrefix(region);
  return { pattern: `${prefix}%`, prefixLength: prefix.length };
}

/**
 * SQL for the child region of `region_code` one level below a region whose prefix length is the given parameter:
 * provinces under the nation; cities, and counties directly under the province (xx00yy), under a province;
 * districts under a city. Aggregates are stored per exact code — a project's grid (街道/乡镇 or 社区/村) when it
 * is placed in one, else its district — so this is the whole roll-up; a grid counts in its district.
 */
export function childRegionSql(prefixLengthParam: string): string {
  return `CASE
      WHEN ${prefixLengthParam}::int = 0 THEN substr(region_code, 1, 2) || '0000'
      WHEN ${prefixLengthParam}::int = 2 AND substr(region_code, 3, 2) <> '00' THEN substr(region_code, 1, 4) || '00'
      ELSE substr(region_code, 1, 6)
    END`;
}
