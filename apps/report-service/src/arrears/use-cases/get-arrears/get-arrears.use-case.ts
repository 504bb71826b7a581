import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compareSeverity, type AlertCode, type Severity } from '@wage/contracts';
import { formatYuan, type Month, type RegionCode } from '@wage/domain';
import { childRegionSql, regionQuery } from '../../../regions/region-scope';

interface Figures {
  openAlerts: number;
  workersAffected: number;
  /** Wages owed, in yuan with two decimals, as the API writes amounts. */
  amountOutstanding: string;
  amountOutstandingFen: number;
}

export interface ArrearsFigures extends Figures {
  /**
   * Wages owed (欠薪 WAGE_ARREARS, 未足额支付 WAGE_UNDERPAID): the workers and the amount. The other open alerts
   * are reporting gaps and risks (a missing pay sheet, a late bank feed, a deposit short), not wages unpaid.
   */
  unpaidWages: Figures;
  /** Open alerts of every other code. */
  otherAlerts: number;
}

/** The codes whose alerts mean wages unpaid. */
export const UNPAID_WAGE_CODES: readonly AlertCode[] = ['WAGE_ARREARS', 'WAGE_UNDERPAID'];

export interface ArrearsReport extends ArrearsFigures {
  regionCode: RegionCode;
  month: Month | null;
  /** Most severe first, then by code. */
  byCodeAndSeverity: (Figures & { code: AlertCode; severity: Severity })[];
  children: (ArrearsFigures & { regionCode: RegionCode })[];
}

const UNPAID = `code IN (${UNPAID_WAGE_CODES.map((c) => `'${c}'`).join(', ')})`;
const SUMS_SQL = `coalesce(sum(open_alerts), 0)::int AS open_alerts,
  coalesce(sum(workers_affected), 0)::int AS workers_affected,
  coalesce(sum(amount_outstanding_fen), 0)::bigint AS amount_outstanding_fen,
  coalesce(sum(open_alerts) FILTER (WHERE ${UNPAID}), 0)::int AS unpaid_open_alerts,
  coalesce(sum(workers_affected) FILTER (WHERE ${UNPAID}), 0)::int AS unpaid_workers_affected,
  coalesce(sum(amount_outstanding_fen) FILTER (WHERE ${UNPAID}), 0)::bigint AS unpaid_amount_outstanding_fen`;

interface SumsRow {
  open_alerts: number;
  workers_affected: number;
  amount_outstanding_fen: string;
  unpaid_open_alerts: number;
  unpaid_workers_affected: number;
  unpaid_amount_outstanding_fen: string;
}

function sums(openAlerts: number, workersAffected: number, amountFen: string): Figures {
  const fen = Number(amountFen);
  return { openAlerts, workersAffected, amountOutstanding: formatYuan(fen), amountOutstandingFen: fen };
}

function figures(row: SumsRow): ArrearsFigures {
  return {
    ...sums(row.open_alerts, row.workers_affected, row.amount_outstanding_fen),
    unpaidWages: sums(row.unpaid_open_alerts, row.unpaid_workers_affected, row.unpaid_amount_outstanding_fen),
    otherAlerts: row.open_alerts - row.unpaid_open_alerts,
  };
}

/**
 * Open alerts of a region (the rules engine's view: raised and not yet cleared by the data), by code and
 * severity and by child region, summed from the pre-aggregated rows, with the wages unpaid apart from the
 * reporting gaps. Workers affected are summed over alerts, so a worker named by two alerts counts twice.
 */
@Injectable()
export class GetArrearsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(regionCode: RegionCode, month: Month | null): Promise<ArrearsReport> {
    const { pattern, prefixLength } = regionQuery(regionCode);
    // Without a month every bucket counts, the month-less one ('') included.
    const where = `region_code LIKE $1 AND ($2::text IS NULL OR month = $2)`;
    const [total]: SumsRow[] = await this.dataSource.query(
      `SELECT ${SUMS_SQL} FROM reports.arrears_by_region_month WHERE ${where}`,
      [pattern, month],
    );
    const byCode: (SumsRow & { code: AlertCode; severity: Severity })[] = await this.dataSource.query(
      `SELECT code, severity, ${SUMS_SQL} FROM reports.arrears_by_region_month WHERE ${where} GROUP BY code, severity`,
      [pattern, month],
    );
    const children: (SumsRow & { child: string })[] =
      prefixLength < 6
        ? await this.dataSource.query(
            `SELECT ${childRegionSql('$3')} AS child, ${SUMS_SQL}
             FROM reports.arrears_by_region_month WHERE ${where} GROUP BY 1 ORDER BY 1`,
            [pattern, month, prefixLength],
          )
        : [];
    return {
      regionCode,
      month,
      ...figures(total),
      byCodeAndSeverity: byCode
        .sort((a, b) => compareSeverity(b.severity, a.severity) || a.code.localeCompare(b.code))
        .map((row) => ({
          code: row.code,
          severity: row.severity,
          ...sums(row.open_alerts, row.workers_affected, row.amount_outstanding_fen),
        })),
      children: children.map((row) => ({ regionCode: row.child, ...figures(row) })),
    };
  }
}
