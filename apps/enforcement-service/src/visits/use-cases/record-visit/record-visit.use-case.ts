import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VerificationRecorded, type VerificationResult } from '@wage/contracts';
import { maskPhone, redactSensitive } from '@wage/domain';
import { UseCaseError, Clock, newEvent, OutboxWriter, type Principal } from '@wage/platform';
import { actorOf, maySee } from '../../../access/casework-access';
import { AlertClient } from '../../../alerts/alert-client';
import { ComplaintRepository } from '../../../complaints/complaint.repository';
import { ProjectRepository, type ProjectParty } from '../../../projects/project.repository';
import { SCHEMA as S } from '../../../schema';
import type { RecordVisitDto } from '../../dto/visit.dto';
import { assistantMaySeeComplaint, isGridAssistant, requireMayVisit } from '../../visit-access';
import { VisitRepository, visitView } from '../../visit.repository';

/** A visit may be entered up to 5 minutes ahead (a phone's clock running fast) and up to 31 days late. */
const FUTURE_SLACK_MS = 5 * 60_000;
const MAX_AGE_MS = 31 * 24 * 3_600_000;

/** A mainland mobile number standing alone in free text. */
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * The findings as kept and published: identity, card and mobile numbers someone typed into them masked, so that
 * they never reach the table, the event or an answer in clear.
 */
export function cleanFindings(findings: string): string {
  return redactSensitive(findings).replace(MOBILE_IN_TEXT, (found) => maskPhone(found));
}

interface Verified {
  subject: 'ALERT' | 'COMPLAINT';
  alertId?: string;
  alertKey?: string;
  code?: VerificationRecorded['code'];
  severity?: VerificationRecorded['severity'];
  complaintId?: string;
  result: VerificationResult;
}

/**
 * Records a site visit (走访) by the grid assistant of the project's grid or an inspector covering it. A visit that
 * verifies an alert or a complaint (核实) publishes VerificationRecorded, which closes the verification request and
 * goes into the alert's history; a complaint shows it among its verifications.
 */
@Injectable()
export class RecordVisitUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly projects: ProjectRepository,
    private readonly alerts: AlertClient,
    private readonly complaints: ComplaintRepository,
    private readonly visits: VisitRepository,
  ) {}

  async execute(principal: Principal, body: RecordVisitDto, authorization: string) {
    const now = this.clock.now();
    const at = new Date(body.at);
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS)
      throw UseCaseError.invalid(`at ${body.at} is in the future; give the time the visit took place`, [
        { path: 'at', message: 'must not be in the future' },
      ]);
    if (at.getTime() < now.getTime() - MAX_AGE_MS)
      throw UseCaseError.invalid(
        `at ${body.at} is more than 31 days ago; a visit is recorded within 31 days`,
        [{ path: 'at', message: 'must be at most 31 days ago' }],
      );
    const project = await this.projects.find(body.projectCode);
    if (!project) throw UseCaseError.notFound(`no project ${body.projectCode}`);
    requireMayVisit(principal, project);
    const verified = body.verifies && (await this.verified(principal, project, body.verifies, authorization));
    if (verified && project.gridCode === null)
      throw UseCaseError.conflict(
        'PROJECT_NOT_IN_GRID',
        `project ${project.code} is placed in no grid, so a visit to it cannot verify anything; record it without verifies`,
      );

    const id = randomUUID();
    const recordedBy = actorOf(principal);
    const findings = cleanFindings(body.findings);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "${S}".visits (id, project_code, grid_code, region_code, at, findings, recorded_by,
           recorder_role, recorded_at, verifies_subject, alert_id, alert_key, complaint_id, result)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          project.code,
          project.gridCode,
          project.regionCode,
          at,
          findings,
          recordedBy,
          principal.kind === 'user' ? principal.role : principal.kind,
          now,
          verified?.subject ?? null,
          verified?.alertId ?? null,
          verified?.alertKey ?? null,
          verified?.complaintId ?? null,
          verified?.result ?? null,
        ],
      );
      if (verified && project.gridCode !== null)
        await this.outbox.append(manager, [
          newEvent(
            VerificationRecorded,
            project.gridCode,
            {
              subject: verified.subject,
              ...(verified.alertKey && { alertKey: verified.alertKey }),
              ...(verified.code && { code: verified.code }),
              ...(verified.severity && { severity: verified.severity }),
              ...(verified.complaintId && { complaintId: verified.complaintId }),
              projectCode: project.code,
              gridCode: project.gridCode,
              regionCode: project.regionCode.slice(0, 6),
              visitId: id,
              result: verified.result,
              recordedBy,
              visitedAt: at.toISOString(),
              findings,
            },
            now,
          ),
        ]);
    });
    const row = await this.visits.find(id);
    return visitView(row!);
  }

  private async verified(
    principal: Principal,
    project: ProjectParty,
    verifies: NonNullable<RecordVisitDto['verifies']>,
    authorization: string,
  ): Promise<Verified> {
    if ('alertId' in verifies) {
      // alert-service answers only to those who may see the alert: the caller's token goes along.
      const alert = await this.alerts.fetch(verifies.alertId, authorization);
      if (alert.projectCode !== project.code)
        throw UseCaseError.invalid(
          `alert ${alert.id} is about project ${alert.projectCode}, not ${project.code}; verify it on a visit to ${alert.projectCode}`,
          [{ path: 'verifies.alertId', message: 'must be an alert about the visited project' }],
        );
      return {
        subject: 'ALERT',
        alertId: alert.id,
        alertKey: alert.alertKey,
        code: alert.code,
        ...(alert.severity && { severity: alert.severity }),
        result: verifies.result,
      };
    }
    const complaint = await this.complaints.find(verifies.complaintId);
    const visible =
      complaint !== undefined &&
      (isGridAssistant(principal)
        ? assistantMaySeeComplaint(principal, complaint)
        : maySee(principal, complaint.region_code));
    if (!complaint || !visible)
      throw UseCaseError.notFound(`no complaint ${verifies.complaintId}, or not one you may see`);
    const sameProject = complaint.project_code === project.code;
    const inGrid =
      complaint.project_code === null &&
      project.gridCode !== null &&
      complaint.region_code.startsWith(project.gridCode.slice(0, 9));
    if (!sameProject && !inGrid)
      throw UseCaseError.invalid(
        `complaint ${complaint.id} is about ${complaint.project_code ?? `region ${complaint.region_code}`}, not project ${project.code}`,
        [
          {
            path: 'verifies.complaintId',
            message: 'must be a complaint about the visited project or its grid',
          },
        ],
      );
    return { subject: 'COMPLAINT', complaintId: complaint.id, result: verifies.result };
  }
}
