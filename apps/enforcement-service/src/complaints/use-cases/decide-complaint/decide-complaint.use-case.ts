import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { dateInShanghai, isGridCode } from '@wage/domain';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { actorOf, maySee, requireInspector, type Inspector } from '../../../access/casework-access';
import { OpenCaseUseCase } from '../../../cases/use-cases/open-case/open-case.use-case';
import { ProjectRepository } from '../../../projects/project.repository';
import { SCHEMA as S } from '../../../schema';
import { VerificationRepository } from '../../../verifications/verification.repository';
import { ComplaintRepository } from '../../complaint.repository';
import type { ComplaintRow } from '../../complaint-view';

export type ComplaintDecision =
  | { action: 'accept'; note?: string }
  | { action: 'refuse'; reason: string; redirectTo?: string }
  | { action: 'request-supplement'; what: string };

const UNDECIDED = ['PENDING', 'SUPPLEMENT_REQUESTED'];

/**
 * An inspector's decision on a complaint within its 5 working days: 受理 (accept: a case is opened), 不予受理
 * (refuse in writing, with where to go instead) or 待补正 (ask for a supplement; the complaint stays undecided).
 */
@Injectable()
export class DecideComplaintUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly cases: OpenCaseUseCase,
    private readonly clock: Clock,
    private readonly projects: ProjectRepository,
    private readonly verifications: VerificationRepository,
  ) {}

  async execute(principal: Principal, id: string, decision: ComplaintDecision) {
    const inspector = requireInspector(principal, 'decide on a complaint');
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.complaints.lock(manager, id);
      if (!complaint || !maySee(principal, complaint.region_code))
        throw UseCaseError.notFound(`no complaint ${id}, or not one you may see`);
      if (!UNDECIDED.includes(complaint.status))
        throw UseCaseError.conflict(
          'COMPLAINT_DECIDED',
          `complaint ${id} is already ${complaint.status}${complaint.case_id ? ` (case ${complaint.case_id})` : ''}`,
        );
      const now = this.clock.now();
      if (decision.action === 'accept') return this.accept(manager, inspector, complaint, now);
      if (decision.action === 'refuse') {
        await this.decide(manager, id, 'REFUSED', inspector, now, {
          refusal_reason: decision.reason,
          redirect_to: decision.redirectTo ?? null,
        });
      } else {
        await this.decide(manager, id, 'SUPPLEMENT_REQUESTED', inspector, now, {
          supplement_what: decision.what,
        });
      }
      return { id, status: decision.action === 'refuse' ? 'REFUSED' : 'SUPPLEMENT_REQUESTED' };
    });
  }

  private async accept(manager: EntityManager, inspector: Inspector, complaint: ComplaintRow, now: Date) {
    const opened = await this.cases.open(manager, inspector, {
      source: 'COMPLAINT',
      complaintId: complaint.id,
      ...(complaint.project_code && { projectCode: complaint.project_code }),
      regionCode: complaint.region_code,
      employer: {
        name: complaint.employer_name,
        ...(complaint.employer_credit_code && { creditCode: complaint.employer_credit_code }),
      },
      summary: complaint.description,
      wagesOwedFen: Number(complaint.amount_owed_fen ?? 0),
      workersOwed: complaint.workers_affected ?? (complaint.kind === 'REPORT' ? 0 : 1),
    });
    await this.decide(manager, complaint.id, 'ACCEPTED', inspector, now, { case_id: opened.id });
    // In a grid (its project's, or its region when that is a grid): the grid assistant is asked to verify it on site.
    const gridCode = isGridCode(complaint.region_code)
      ? complaint.region_code
      : complaint.project_code
        ? await this.projects.gridOf(complaint.project_code, manager)
        : null;
    if (gridCode)
      await this.verifications.requestForComplaint(
        manager,
        {
          id: complaint.id,
          ...(complaint.project_code && { projectCode: complaint.project_code }),
          gridCode,
        },
        now,
      );
    return {
      caseId: opened.id,
      closeBy: opened.closeBy,
      acceptedWithinLimit: dateInShanghai(now) <= complaint.accept_by,
    };
  }

  private async decide(
    manager: EntityManager,
    id: string,
    status: string,
    inspector: Inspector,
    now: Date,
    fields: Record<string, string | null>,
  ): Promise<void> {
    const names = Object.keys(fields);
    await manager.query(
      `UPDATE "${S}".complaints SET status = $2, decided_at = $3, decided_by = $4,
         ${names.map((name, i) => `${name} = $${i + 5}`).join(', ')}
       WHERE id = $1`,
      [id, status, now, actorOf(inspector), ...names.map((name) => fields[name])],
    );
  }
}
