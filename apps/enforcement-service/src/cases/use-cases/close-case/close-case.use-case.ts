import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseClosed, EmployerFindingRecorded } from '@wage/contracts';
import { dateInShanghai, isViolation } from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type NewEvent, type Principal } from '@wage/platform';
import { actorOf, requireInspector } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import { DowngradeOnFindingUseCase } from '../../../gradings/use-cases/downgrade-on-finding/downgrade-on-finding.use-case';
import { CaseRepository } from '../../case.repository';
import type { CloseCaseDto } from '../../dto/case.dto';
import { openCaseVisibleTo } from '../case-guards';
import { eventKey } from '../open-case/open-case.use-case';

/**
 * Closes a case (结案) with its code and finding. A finding of unpaid wages is published as the employer's record
 * (by credit code), which its grade and the deposit adjustment follow; it names no worker and no complainant.
 */
@Injectable()
export class CloseCaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly downgrade: DowngradeOnFindingUseCase,
  ) {}

  async execute(principal: Principal, caseId: string, closure: CloseCaseDto) {
    const inspector = requireInspector(principal, 'close a case');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const row = openCaseVisibleTo(principal, await this.cases.lock(manager, caseId));
      const creditCode = closure.employerCreditCode ?? row.employer_credit_code ?? undefined;
      if (closure.finding.unpaidWages && !creditCode)
        throw new UseCaseError(
          'UNPROCESSABLE',
          'CREDIT_CODE_REQUIRED',
          `a finding of unpaid wages is the employer's record, kept by credit code, and case ${caseId} has none for ` +
            `${row.employer_name}: send employerCreditCode with the closure`,
          [
            {
              field: 'employerCreditCode',
              code: 'REQUIRED',
              message: 'the employer’s unified social credit code',
            },
          ],
        );
      await manager.query(
        `UPDATE "${S}".cases SET status = 'CLOSED', closed_at = $2, closed_by = $3, closure_code = $4, finding = $5,
           closure_summary = $6, employer_credit_code = $7
         WHERE id = $1`,
        [
          caseId,
          now,
          actorOf(inspector),
          closure.code,
          JSON.stringify(closure.finding),
          closure.summary,
          creditCode ?? null,
        ],
      );
      const withinLimit = dateInShanghai(now) <= row.close_by;
      const employer = { name: row.employer_name, ...(creditCode && { creditCode }) };
      const key = eventKey(row.project_code, caseId);
      const project = row.project_code ? { projectCode: row.project_code } : {};
      const events: NewEvent[] = [
        newEvent(
          CaseClosed,
          key,
          {
            caseId,
            code: closure.code,
            ...project,
            regionCode: row.region_code,
            employer,
            closedAt: now.toISOString(),
            closeBy: row.close_by,
            withinLimit,
            unpaidWages: closure.finding.unpaidWages,
          },
          now,
        ),
      ];
      if (closure.finding.unpaidWages)
        events.push(
          newEvent(
            EmployerFindingRecorded,
            key,
            {
              caseId,
              creditCode: creditCode!,
              employerName: row.employer_name,
              ...project,
              regionCode: row.region_code,
              unpaidWages: true,
              violations: closure.finding.violations,
              ...(closure.finding.circumstances?.length
                ? { circumstances: closure.finding.circumstances }
                : {}),
              wagesOwedFen: Number(row.wages_owed_fen),
              recoveredFen: Number(row.recovered_fen),
              workersAffected: row.workers_owed,
              foundAt: now.toISOString(),
            },
            now,
          ),
        );
      const { unpaidWages, violations, circumstances = [] } = closure.finding;
      const employerFinding = { caseId, foundAt: now, unpaidWages, violations, circumstances };
      if (creditCode && isViolation(employerFinding))
        events.push(
          ...(await this.downgrade.execute(
            manager,
            { creditCode, name: row.employer_name },
            employerFinding,
            actorOf(inspector),
            now,
          )),
        );
      await this.outbox.append(manager, events);
      return { id: caseId, status: 'CLOSED', code: closure.code, withinLimit };
    });
  }
}
