import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  dateInShanghai,
  isDirectChild,
  NATIONAL_REGION,
  regionChain,
  type IntegrityGrade,
  type RegionCode,
} from '@wage/domain';
import { Clock, isAdmin, type Principal } from '@wage/platform';
import { regionPattern } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { GradeStatisticsQuery } from '../../dto/grading.dto';

interface Counts {
  grades: Record<IntegrityGrade, number>;
  listings: number;
  removals: number;
  listedNow: number;
}

const zero = (): Counts => ({ grades: { A: 0, B: 0, C: 0 }, listings: 0, removals: 0, listedNow: 0 });

/**
 * For leaders: employers by the grade in force (or the grade given for `year`), listings decided and removals in
 * the year, and listings in force today, for a region and each child region. An employer counts in every region
 * where it has a project or a case, and once in the region's total.
 */
@Injectable()
export class GradeStatisticsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, query: GradeStatisticsQuery) {
    const today = dateInShanghai(this.clock.now());
    const region: RegionCode =
      query.regionCode ??
      (principal.kind === 'user' && !isAdmin(principal) ? principal.regionCode : NATIONAL_REGION);
    const pattern = regionPattern(principal, region);
    const year = query.year ?? Number(today.slice(0, 4));
    const graded: { credit_code: string; region_code: string; grade: IntegrityGrade }[] =
      await this.dataSource.query(
        `WITH places AS (
         SELECT DISTINCT contractor_credit_code AS credit_code, region_code FROM "${S}".projects WHERE region_code LIKE $1
         UNION
         SELECT DISTINCT employer_credit_code, region_code FROM "${S}".cases
          WHERE employer_credit_code IS NOT NULL AND region_code LIKE $1
       ), graded AS (
         SELECT DISTINCT ON (credit_code) credit_code, grade FROM "${S}".employer_grades
          WHERE $2::int IS NULL OR year = $2::int
          ORDER BY credit_code, assigned_at DESC, id DESC
       )
       SELECT p.credit_code, p.region_code, g.grade FROM places p JOIN graded g USING (credit_code)`,
        [pattern, query.year ?? null],
      );
    const listings: { region_code: string; listings: number; removals: number; listed_now: number }[] =
      await this.dataSource.query(
        `SELECT region_code,
           count(*) FILTER (WHERE status IN ('LISTED', 'REMOVED') AND extract(year FROM decided_on) = $2)::int AS listings,
           count(*) FILTER (WHERE status = 'REMOVED' AND extract(year FROM removed_on) = $2)::int AS removals,
           count(*) FILTER (WHERE status = 'LISTED' AND decided_on <= $3::date AND listed_until >= $3::date)::int
             AS listed_now
         FROM "${S}".blacklist_procedures WHERE region_code LIKE $1 GROUP BY region_code`,
        [pattern, year, today],
      );
    const total = zero();
    const children = new Map<RegionCode, Counts>();
    const childOf = (code: string) => regionChain(code).find((c) => isDirectChild(region, c));
    const counted = new Set<string>();
    const countedIn = new Set<string>();
    for (const row of graded) {
      if (!counted.has(row.credit_code)) {
        counted.add(row.credit_code);
        total.grades[row.grade]++;
      }
      const child = childOf(row.region_code);
      if (child && !countedIn.has(`${child}/${row.credit_code}`)) {
        countedIn.add(`${child}/${row.credit_code}`);
        const counts = children.get(child) ?? zero();
        counts.grades[row.grade]++;
        children.set(child, counts);
      }
    }
    for (const row of listings) {
      const targets = [total];
      const child = childOf(row.region_code);
      if (child) {
        if (!children.has(child)) children.set(child, zero());
        targets.push(children.get(child)!);
      }
      for (const counts of targets) {
        counts.listings += row.listings;
        counts.removals += row.removals;
        counts.listedNow += row.listed_now;
      }
    }
    return {
      regionCode: region,
      year: query.year ?? null,
      listingsYear: year,
      ...total,
      children: [...children.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([regionCode, counts]) => ({ regionCode, ...counts })),
    };
  }
}
