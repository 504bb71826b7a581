import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseOpened, type CaseSource } from '@wage/contracts';
import { dateInShanghai, investigationDeadline } from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type Principal } from '@wage/platform';
import { actorOf, requireCovers, requireInspector, type Inspector } from '../../../access/casework-access';
import { AlertClient, type FetchedAlert } from '../../../alerts/alert-client';
import { ProjectRepository } from '../../../projects/project.repository';
import { SCHEMA as S } from '../../../schema';
import type { OpenCaseDto } from '../../dto/case.dto';

export interface NewCase {
  source: CaseSource;
  complaintId?: string;
  alert?: { id: string; key: string };
  projectCode?: string;
  regionCode: string;
  employer: { name: string; creditCode?: string };
  summary: string;
  evidence?: unknown;
  wagesOwedFen: number;
  workersOwed: number;
}

/** The wages an alert says are owed: the shortfall of an underpayment, the net pay due of an arrears. */
function owedByAlert(alert: FetchedAlert): number {
  const { amounts } = alert.evidence;
  return Math.max(0, amounts.shortfallFen ?? amounts.netPayDueFen ?? 0);
}

/**
 * Opens a case (立案) from an alert or for a project an inspector found something on; `open` is also how an
 * accepted complaint opens its case. The investigation clock starts on the day of opening.
 */
@Injectable()
export class OpenCaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly alerts: AlertClient,
    private readonly projects: ProjectRepository,
  ) {}

  async execute(principal: Principal, body: OpenCaseDto, authorization: string) {
    const inspector = requireInspector(principal, 'open a case');
    if ('alertId' in body) return this.fromAlert(inspector, body.alertId, authorization);
    const project = await this.projects.find(body.projectCode);
    if (!project) throw UseCaseError.notFound(`no project ${body.projectCode}`);
    requireCovers(principal, project.regionCode);
    return this.dataSource.transaction((manager) =>
      this.open(manager, inspector, {
        source: 'INSPECTOR',
        projectCode: project.code,
        regionCode: project.regionCode,
        employer: project.contractor,
        summary: body.summary,
        wagesOwedFen: 0,
        workersOwed: 0,
      }),
    );
  }

  private async fromAlert(inspector: Inspector, alertId: string, authorization: string) {
    // Fetched first: alert-service tells only those who may see the alert that it exists, and so its case.
    const alert = await this.alerts.fetch(alertId, authorization);
    requireCovers(inspector, alert.regionCode);
    const project = await this.projects.find(alert.projectCode);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.caseOfAlert(manager, alertId);
      if (existing) throw this.alreadyOpen(alertId, existing);
      return this.open(manager, inspector, {
        source: 'ALERT',
        alert: { id: alert.id, key: alert.alertKey },
        projectCode: alert.projectCode,
        regionCode: alert.regionCode,
        // The contractor answers for the project's wages; before its registration arrives, the project names it.
        employer: project?.contractor ?? { name: `${alert.projectCode} 施工总承包单位` },
        summary: alert.title,
        evidence: { alert: { id: alert.id, code: alert.code, month: alert.month, ...alert.evidence } },
        wagesOwedFen: owedByAlert(alert),
        workersOwed: alert.evidence.workersAffected,
      });
    });
  }

  private async caseOfAlert(manager: EntityManager, alertId: string): Promise<string | undefined> {
    const [row] = await manager.query(`SELECT id FROM "${S}".cases WHERE alert_id = $1`, [alertId]);
    return row?.id;
  }

  private alreadyOpen(alertId: string, caseId: string): UseCaseError {
    return UseCaseError.conflict('CASE_EXISTS', `alert ${alertId} already has case ${caseId}`, [{ caseId }]);
  }

  /** Inserts the case and its CaseOpened event in the caller's transaction. */
  async open(
    manager: EntityManager,
    inspector: Inspector,
    input: NewCase,
  ): Promise<{ id: string; closeBy: string }> {
    const id = randomUUID();
    const now = this.clock.now();
    const openedOn = dateInShanghai(now);
    const closeBy = investigationDeadline(openedOn, false);
    const actor = actorOf(inspector);
    await manager.query(
      `INSERT INTO "${S}".cases (id, status, source, complaint_id, alert_id, alert_key, project_code, region_code,
         employer_name, employer_credit_code, summary, evidence, wages_owed_fen, workers_owed, opened_at, opened_on,
         opened_by, inspectors, close_by)
       VALUES ($1, 'OPEN', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        id,
        input.source,
        input.complaintId ?? null,
        input.alert?.id ?? null,
        input.alert?.key ?? null,
        input.projectCode ?? null,
        input.regionCode,
        input.employer.name,
        input.employer.creditCode ?? null,
        input.summary,
        input.evidence === undefined ? null : JSON.stringify(input.evidence),
        input.wagesOwedFen,
        input.workersOwed,
        now,
        openedOn,
        actor,
        [actor],
        closeBy,
      ],
    );
    await this.outbox.append(manager, [
      newEvent(
        CaseOpened,
        eventKey(input.projectCode, id),
        {
          caseId: id,
          source: input.source,
          ...(input.complaintId && { complaintId: input.complaintId }),
          ...(input.alert && { alertKey: input.alert.key }),
          ...(input.projectCode && { projectCode: input.projectCode }),
          regionCode: input.regionCode,
          employer: {
            name: input.employer.name,
            ...(input.employer.creditCode && { creditCode: input.employer.creditCode }),
          },
          openedAt: now.toISOString(),
          closeBy,
        },
        now,
      ),
    ]);
    return { id, closeBy };
  }
}

/**
 * Events are keyed by project code so that one project's events stay in order; a case about no registered project
 * (a complaint naming only an employer) is keyed by itself.
 */
export function eventKey(projectCode: string | null | undefined, caseId: string): string {
  return projectCode ?? `case:${caseId}`;
}
