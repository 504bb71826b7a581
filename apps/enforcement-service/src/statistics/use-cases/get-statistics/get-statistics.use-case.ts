import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  applyRate,
  dateInShanghai,
  firstDayOfMonth,
  formatYuan,
  isDirectChild,
  lastDayOfMonth,
  monthOf,
  NATIONAL_REGION,
  regionChain,
  type RegionCode,
} from '@wage/domain';
import { Clock, isAdmin, type Principal } from '@wage/platform';
import { regionPattern } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { StatisticsQuery } from '../../statistics.dto';

interface Counts {
  opened: number;
  closed: number;
  closedWithinLimit: number;
  overdue: number;
  workersHelped: number;
  recoveredFen: number;
  /** Wages owed and recovered on the cases opened in the period: the recovery rate. */
  owedOnOpenedFen: number;
  recoveredOnOpenedFen: number;
}

const ZERO: Counts = {
  opened: 0,
  closed: 0,
  closedWithinLimit: 0,
  overdue: 0,
  workersHelped: 0,
  recoveredFen: 0,
  owedOnOpenedFen: 0,
  recoveredOnOpenedFen: 0,
};

function add(a: Counts, b: Counts): Counts {
  return Object.fromEntries(
    (Object.keys(ZERO) as (keyof Counts)[]).map((k) => [k, a[k] + b[k]]),
  ) as unknown as Counts;
}

function view(counts: Counts) {
  const { owedOnOpenedFen: owed, recoveredOnOpenedFen: recovered } = counts;
  return {
    casesOpened: counts.opened,
    casesClosed: counts.closed,
    closedWithinLimit: counts.closedWithinLimit,
    overdue: counts.overdue,
    workersHelped: counts.workersHelped,
    amountRecovered: formatYuan(counts.recoveredFen),
    /** Recovered ÷ owed on the cases opened in the period, a percentage with one decimal; null when none owed. */
    recoveryRate: owed > 0 ? applyRate(Math.min(recovered, owed), 1_000, owed) / 10 : null,
  };
}

/**
 * For leaders: cases opened and closed, closed within the limit, overdue now, workers helped and wages recovered,
 * for a region and each of its child regions, over a range of months.
 */
@Injectable()
export class GetStatisticsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, query: StatisticsQuery) {
    const now = this.clock.now();
    const region: RegionCode =
      query.regionCode ??
      (principal.kind === 'user' && !isAdmin(principal) ? principal.regionCode : NATIONAL_REGION);
    const pattern = regionPattern(principal, region);
    const to = query.to ?? monthOf(now);
    const from = query.from ?? `${to.slice(0, 4)}-01`;
    const rows: (Counts & { region_code: string })[] = await this.dataSource.query(
      `WITH scoped AS (
         SELECT k.*, (SELECT coalesce(sum(r.amount_fen), 0) FROM "${S}".recoveries r WHERE r.case_id = k.id) AS recovered
           FROM "${S}".cases k WHERE k.region_code LIKE $1
       ), recovered AS (
         SELECT k.region_code, sum(r.workers)::int AS workers, sum(r.amount_fen)::bigint AS amount
           FROM "${S}".recoveries r JOIN scoped k ON k.id = r.case_id
          WHERE r.paid_on BETWEEN $2::date AND $3::date GROUP BY k.region_code
       ), cases AS (
         SELECT region_code,
           count(*) FILTER (WHERE opened_on BETWEEN $2::date AND $3::date)::int AS opened,
           count(*) FILTER (WHERE (closed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date)::int
             AS closed,
           count(*) FILTER (WHERE (closed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
             AND (closed_at AT TIME ZONE 'Asia/Shanghai')::date <= close_by)::int AS closed_within_limit,
           count(*) FILTER (WHERE status = 'OPEN' AND close_by < $4::date)::int AS overdue,
           coalesce(sum(wages_owed_fen) FILTER (WHERE opened_on BETWEEN $2::date AND $3::date), 0)::bigint AS owed,
           coalesce(sum(recovered) FILTER (WHERE opened_on BETWEEN $2::date AND $3::date), 0)::bigint AS recovered
         FROM scoped GROUP BY region_code
       )
       SELECT c.region_code, c.opened, c.closed, c.closed_within_limit AS "closedWithinLimit", c.overdue,
         coalesce(r.workers, 0) AS "workersHelped", coalesce(r.amount, 0) AS "recoveredFen",
         c.owed AS "owedOnOpenedFen", c.recovered AS "recoveredOnOpenedFen"
       FROM cases c LEFT JOIN recovered r USING (region_code)`,
      [pattern, firstDayOfMonth(from), lastDayOfMonth(to), dateInShanghai(now)],
    );
    let total = ZERO;
    const children = new Map<RegionCode, Counts>();
    for (const row of rows) {
      const counts = Object.fromEntries(
        (Object.keys(ZERO) as (keyof Counts)[]).map((k) => [k, Number(row[k])]),
      ) as unknown as Counts;
      total = add(total, counts);
      const child = regionChain(row.region_code).find((code) => isDirectChild(region, code));
      if (child) children.set(child, add(children.get(child) ?? ZERO, counts));
    }
    return {
      regionCode: region,
      from,
      to,
      ...view(total),
      children: [...children.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([regionCode, counts]) => ({ regionCode, ...view(counts) })),
    };
  }
}
