import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { monthRange, type Month, type RegionCode } from '@wage/domain';
import { regionQuery } from '../../../regions/region-scope';
import { COVERAGE_SUMS_SQL, coverageFigures, pendingUntil, type CoverageFigures } from '../../coverage-figures';

export interface CoverageTrend {
  regionCode: RegionCode;
  from: Month;
  to: Month;
  /**
   * Every month from `from` to `to`; a month without assessments has zero counts and null percentages, a month
   * not yet due null percentages and `pendingUntil` for its payment metrics.
   */
  series: (CoverageFigures & { month: Month })[];
}

@Injectable()
export class GetCoverageTrendUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(regionCode: RegionCode, from: Month, to: Month, asOf: Date): Promise<CoverageTrend> {
    const { pattern } = regionQuery(regionCode);
    const rows: (Record<string, number> & { month: Month })[] = await this.dataSource.query(
      `SELECT month, ${COVERAGE_SUMS_SQL} FROM reports.coverage_by_region_month
       WHERE month BETWEEN $1 AND $2 AND region_code LIKE $3
       GROUP BY month`,
      [from, to, pattern],
    );
    const byMonth = new Map(rows.map((row) => [row.month, row]));
    return {
      regionCode,
      from,
      to,
      series: monthRange(from, to).map((month) => {
        return { month, ...coverageFigures(byMonth.get(month), pendingUntil(month, asOf)) };
      }),
    };
  }
}
