import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MonthlyAssessmentCompleted, type AlertEvidence } from '@wage/contracts';
import {
  evaluateProjectMonth,
  type MonthAssessment,
  type Month,
  monthOf,
  monthOfDate,
  previousMonth,
  type RuleCode,
  type Severity,
} from '@wage/domain';
import { newEvent, OutboxWriter } from '@wage/platform';
import { AlertLedger, toContractEvidence, type LedgerCounts } from '../../alert-ledger';
import { MonthFactsRepository, type ProjectRow } from '../../month-facts.repository';
import { RuleOverridesRepository } from '../../rule-overrides.repository';

export interface EvaluationRequest {
  /** Default: every project-month that time can change (see `sweepTargets`). */
  month?: Month;
  projectCode?: string;
}

export interface EvaluationCounts extends LedgerCounts {
  /** Project-months evaluated. */
  evaluated: number;
}

/** What the rules found for one project-month at an instant, as a dry run answers it. */
export interface DryRunFinding {
  code: RuleCode;
  severity: Severity;
  projectCode: string;
  month: Month | null;
  title: string;
  evidence: AlertEvidence;
  /** Set when the rule was suppressed then (the project suspended or completed): recorded, not raised. */
  suppressedBecause?: string;
}

export interface DryRunResult {
  asOf: string;
  evaluated: number;
  findings: DryRunFinding[];
}

/**
 * Runs every rule of the catalogue for project-months, reconciles the verdicts with the alerts already published,
 * and publishes the month's assessment when it changed. Live alerts are only ever evaluated as of now; an earlier
 * instant is a dry run that changes nothing. One transaction per project-month, serialised per project by an
 * advisory lock so that event-driven, scheduled and on-demand runs never race.
 */
@Injectable()
export class EvaluateMonthUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: MonthFactsRepository,
    private readonly overrides: RuleOverridesRepository,
    private readonly ledger: AlertLedger,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Evaluates as of now: the month asked for, or every project-month time can change. */
  async execute(request: EvaluationRequest): Promise<EvaluationCounts> {
    const asOf = new Date();
    const targets = await this.targets(request, asOf);
    const counts: EvaluationCounts = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    for (const { projectCode, month } of targets) {
      add(counts, await this.evaluateProjectMonth(projectCode, month, asOf));
    }
    return counts;
  }

  /**
   * What the rules would have found at `asOf` (earlier than now), with the rules of that time: no alert changes,
   * nothing is published or sent. Read in one read-only snapshot.
   */
  async dryRun(request: EvaluationRequest, asOf: Date): Promise<DryRunResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const targets = await this.targets(request, asOf, manager);
      const overrides = await this.overrides.all(manager);
      const findings: DryRunFinding[] = [];
      let evaluated = 0;
      for (const { projectCode, month } of targets) {
        const [project] = await this.facts.projects(manager, projectCode);
        if (!project || month < monthOfDate(project.startDate) || month > monthOf(asOf)) continue;
        evaluated += 1;
        const facts = await this.facts.load(manager, project, month, asOf, overrides);
        for (const verdict of evaluateProjectMonth(facts, asOf).verdicts) {
          if (verdict.finding === null || verdict.withheld !== undefined) continue;
          // A project-wide finding is the same for every month of the run: listed once.
          if (
            verdict.month === null &&
            findings.some((f) => f.code === verdict.code && f.projectCode === project.code)
          )
            continue;
          findings.push({
            code: verdict.code,
            severity: verdict.finding.severity,
            projectCode: project.code,
            month: verdict.month,
            title: verdict.finding.title,
            evidence: toContractEvidence(verdict.finding, verdict.parameterSources),
            ...(verdict.suppression.suppressed && { suppressedBecause: verdict.suppression.reason }),
          });
        }
      }
      return { asOf: asOf.toISOString(), evaluated, findings };
    });
  }

  /** Evaluates one project-month in its own transaction; nothing when the project is unknown or not started. */
  async evaluateProjectMonth(projectCode: string, month: Month, asOf: Date): Promise<EvaluationCounts> {
    return this.dataSource.transaction((manager) => this.evaluateIn(manager, projectCode, month, asOf));
  }

  async evaluateIn(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    asOf: Date,
  ): Promise<EvaluationCounts> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('rules-engine:' || $1))`, [projectCode]);
    const [project] = await this.facts.projects(manager, projectCode);
    const none = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    if (!project || month < monthOfDate(project.startDate) || month > monthOf(asOf)) return none;
    const overrides = await this.overrides.all(manager);
    const facts = await this.facts.load(manager, project, month, asOf, overrides);
    const { verdicts, assessment } = evaluateProjectMonth(facts, asOf);
    const counts = await this.ledger.reconcile(manager, project, verdicts, asOf);
    await this.publishAssessment(manager, project, month, asOf, assessment);
    return { evaluated: 1, ...counts };
  }

  /**
   * The project-months to evaluate. With a month: that month of each project asked for. Without one (the
   * scheduled sweep): every project's current month and the two before it (a deadline in M+1 plus the bank-feed
   * lag can fall in M+2), and every project-month with an open or pending alert, so that severity follows days
   * overdue and an ended condition clears at any age of the month. Wages still owed past their deadline always
   * have an open or pending WAGE_ARREARS or WAGE_UNDERPAID, so they are in that set. One query.
   */
  private async targets(
    request: EvaluationRequest,
    asOf: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ projectCode: string; month: Month }[]> {
    const current = monthOf(asOf);
    const months = request.month
      ? [request.month]
      : [previousMonth(previousMonth(current)), previousMonth(current), current];
    const rows: { project_code: string; month: string }[] = await manager.query(
      `SELECT project_code, month FROM (
         SELECT p.code AS project_code, m.month FROM rules.projects p CROSS JOIN unnest($1::text[]) AS m(month)
         WHERE ($2::text IS NULL OR p.code = $2)
         UNION
         SELECT a.project_code, a.month FROM rules.alerts a
         WHERE $3 AND a.status IN ('OPEN', 'PENDING') AND a.month IS NOT NULL AND a.month <= $4
           AND ($2::text IS NULL OR a.project_code = $2)
       ) t ORDER BY project_code, month`,
      [months, request.projectCode ?? null, request.month === undefined, current],
    );
    return rows.map((r) => ({ projectCode: r.project_code, month: r.month }));
  }

  /** Publishes the month's standing when it differs from what was last published for it. */
  private async publishAssessment(
    manager: EntityManager,
    project: ProjectRow,
    month: Month,
    asOf: Date,
    assessment: MonthAssessment,
  ): Promise<void> {
    const data = {
      projectCode: project.code,
      regionCode: project.regionCode,
      ...(project.gridCode !== undefined && { gridCode: project.gridCode }),
      month,
      ...assessment,
    };
    const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    const changed: unknown[] = await manager.query(
      `INSERT INTO rules.assessments (project_code, month, facts_hash, evaluated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_code, month) DO UPDATE SET facts_hash = EXCLUDED.facts_hash,
         evaluated_at = EXCLUDED.evaluated_at
       WHERE rules.assessments.facts_hash <> EXCLUDED.facts_hash
       RETURNING project_code`,
      [project.code, month, hash, asOf],
    );
    if (changed.length === 0) return;
    await this.outbox.append(manager, [
      newEvent(MonthlyAssessmentCompleted, project.code, { ...data, evaluatedAt: asOf.toISOString() }),
    ]);
  }
}

function add(total: EvaluationCounts, counts: EvaluationCounts): void {
  total.evaluated += counts.evaluated;
  total.raised += counts.raised;
  total.updated += counts.updated;
  total.cleared += counts.cleared;
}
