import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regionName, type Month, type RegionCode } from '@wage/domain';
import { childRegionSql, regionQuery } from '../../../regions/region-scope';
import { COVERAGE_SUMS_SQL, coverageFigures, pendingUntil, type CoverageFigures } from '../../coverage-figures';

export interface CoverageReport extends CoverageFigures {
  regionCode: RegionCode;
  /** GB/T 2260 name (湖里区); null for a code the dataset does not know. */
  regionName: string | null;
  month: Month;
  children: (CoverageFigures & { regionCode: RegionCode; regionName: string | null })[];
}

/**
 * Coverage of a region and of each child region for one month, summed from the pre-aggregated rows; the payment
 * metrics pending while the month's wages are not yet due at `asOf`.
 */
@Injectable()
export class GetCoverageUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(regionCode: RegionCode, month: Month, asOf: Date): Promise<CoverageReport> {
    const { pattern, prefixLength } = regionQuery(regionCode);
    const [total]: Record<string, number>[] = await this.dataSource.query(
      `SELECT ${COVERAGE_SUMS_SQL} FROM reports.coverage_by_region_month WHERE month = $1 AND region_code LIKE $2`,
      [month, pattern],
    );
    const children: (Record<string, number> & { child: string })[] =
      prefixLength < 6
        ? await this.dataSource.query(
            `SELECT ${childRegionSql('$3')} AS child, ${COVERAGE_SUMS_SQL}
             FROM reports.coverage_by_region_month WHERE month = $1 AND region_code LIKE $2
             GROUP BY 1 ORDER BY 1`,
            [month, pattern, prefixLength],
          )
        : [];
    const pending = pendingUntil(month, asOf);
    return {
      regionCode,
      regionName: regionName(regionCode),
      month,
      ...coverageFigures(total, pending),
      children: children.map((row) => ({
        regionCode: row.child,
        regionName: regionName(row.child),
        ...coverageFigures(row, pending),
      })),
    };
  }
}
