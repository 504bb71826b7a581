import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MonthlyAssessmentCompleted, type AlertEvidence } from '@wage/contracts';
import {
  evaluateProjectMonth,
  type MonthAssessment,
  type Month,
  monthOf,
  monthOfDate,
  type ParameterOverride,
  previousMonth,
  type RuleCode,
  type Severity,
} from '@wage/domain';
import { Clock, LOGGER, type Logger, newEvent, type NewEvent } from '@wage/platform';
import { AlertLedger, keysOf, toContractEvidence, type LedgerCounts } from '../../alert-ledger';
import { EVALUATION_SETTINGS, type EvaluationSettings } from '../../evaluation-settings';
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

/** Projects per batch: each fact is one query over the batch's project-months. */
export const SWEEP_BATCH_PROJECTS = 50;

/** What a sweep loads once for all its batches. */
interface SweepContext {
  projects: ReadonlyMap<string, ProjectRow>;
  overrides: ParameterOverride[];
}

/** Where a sweep's time went, summed over its batches (logged with the sweep). */
interface SweepTimings {
  batches: number;
  /** Waiting on PostgreSQL: locks, fact queries, alert and outbox writes. */
  databaseMs: number;
  /** Running the rules and building the events (the engine's own CPU). */
  rulesMs: number;
}

type Target = { projectCode: string; month: Month };

/**
 * Runs every rule of the catalogue for project-months, reconciles the verdicts with the alerts already published,
 * and publishes the month's assessment when it changed. Live alerts are only ever evaluated as of now; an earlier
 * instant is a dry run that changes nothing. Project-months are evaluated in batches of `SWEEP_BATCH_PROJECTS`
 * projects, each batch in one transaction that first takes the advisory lock of each of its projects (in code
 * order, so that batches never deadlock), so that event-driven, scheduled and on-demand runs of a project never
 * interleave; a sweep runs `SWEEP_CONCURRENCY` batches at a time and loads the projects and the rule overrides
 * once.
 */
@Injectable()
export class EvaluateMonthUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: MonthFactsRepository,
    private readonly overrides: RuleOverridesRepository,
    private readonly ledger: AlertLedger,
    private readonly clock: Clock,
    @Inject(EVALUATION_SETTINGS) private readonly settings: EvaluationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Evaluates as of now: the month asked for, or every project-month time can change. */
  async execute(request: EvaluationRequest): Promise<EvaluationCounts> {
    const started = performance.now();
    const asOf = this.clock.now();
    const targets = await this.targets(request, asOf);
    const manager = this.dataSource.manager;
    const context: SweepContext = {
      projects: await this.projectsByCode(manager, request.projectCode ? [request.projectCode] : undefined),
      overrides: await this.overrides.all(manager),
    };
    const counts: EvaluationCounts = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    const timings: SweepTimings = { batches: 0, databaseMs: 0, rulesMs: 0 };
    const batches = batchesOf(targets, SWEEP_BATCH_PROJECTS);
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next < batches.length) {
        const batch = batches[next++];
        try {
          add(
            counts,
            await this.dataSource.transaction((m) => this.evaluateBatchIn(m, batch, asOf, context, timings)),
          );
        } catch (error) {
          // The sweep fails as a whole: the other batches finish the one they are in and take no more.
          failed = true;
          throw error;
        }
      }
    };
    const workers = Math.min(this.settings.sweepConcurrency, batches.length);
    const results = await Promise.allSettled(Array.from({ length: workers }, worker));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    if (targets.length > SWEEP_BATCH_PROJECTS) {
      const ms = performance.now() - started;
      this.logger.info(
        {
          sweep: {
            projectMonths: targets.length,
            evaluated: counts.evaluated,
            batches: timings.batches,
            concurrency: this.settings.sweepConcurrency,
            ms: Math.round(ms),
            msPerProjectMonth: Math.round((ms / Math.max(1, targets.length)) * 100) / 100,
            databaseMs: Math.round(timings.databaseMs),
            rulesMs: Math.round(timings.rulesMs),
          },
        },
        'sweep evaluated',
      );
    }
    return counts;
  }

  /**
   * What the rules would have found at `asOf` (earlier than now), with the rules of that time: no alert changes,
   * nothing is published or sent. Read in one read-only snapshot, batch after batch.
   */
  async dryRun(request: EvaluationRequest, asOf: Date): Promise<DryRunResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const targets = await this.targets(request, asOf, manager);
      const overrides = await this.overrides.all(manager);
      const projects = await this.projectsByCode(
        manager,
        request.projectCode ? [request.projectCode] : undefined,
      );
      const findings: DryRunFinding[] = [];
      let evaluated = 0;
      for (const batch of batchesOf(targets, SWEEP_BATCH_PROJECTS)) {
        const live = liveTargets(batch, projects, asOf);
        evaluated += live.length;
        const loaded = await this.facts.loadBatch(manager, live, asOf, overrides);
        for (const facts of loaded) {
          const { project } = facts;
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
      }
      return { asOf: asOf.toISOString(), evaluated, findings };
    });
  }

  /**
   * Evaluates project-months in the caller's transaction, in the order given: takes the advisory lock of each
   * of their projects (in code order), loads every fact of the batch in one query per fact, runs the rules and
   * reconciles each project-month's verdicts, then writes the batch's assessments and events in one statement
   * each. A project-month whose project is unknown or not started is skipped. Without a sweep's context the
   * projects and overrides are read here, after the locks.
   */
  async evaluateBatchIn(
    manager: EntityManager,
    targets: readonly Target[],
    asOf: Date,
    context?: SweepContext,
    timings?: SweepTimings,
  ): Promise<EvaluationCounts> {
    const counts: EvaluationCounts = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    if (targets.length === 0) return counts;
    let mark = performance.now();
    let databaseMs = 0;
    let rulesMs = 0;
    const database = () => {
      const now = performance.now();
      databaseMs += now - mark;
      mark = now;
    };
    const rules = () => {
      const now = performance.now();
      rulesMs += now - mark;
      mark = now;
    };
    const codes = [...new Set(targets.map((t) => t.projectCode))].sort();
    // A batch's fact queries sort tens of thousands of rows (50 projects × their rolls): in memory, not on disk.
    if (targets.length > 1) await manager.query(`SET LOCAL work_mem = '32MB'`);
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('rules-engine:' || c))
       FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n) ORDER BY n`,
      [codes],
    );
    const projects = context?.projects ?? (await this.projectsByCode(manager, codes));
    const overrides = context?.overrides ?? (await this.overrides.all(manager));
    const live = liveTargets(targets, projects, asOf);
    const loaded = await this.facts.loadBatch(manager, live, asOf, overrides);
    database();
    const evaluations = loaded.map((facts) => evaluateProjectMonth(facts, asOf));
    rules();
    const ledger = await this.ledger.begin(
      manager,
      evaluations.map((e, i) => keysOf(loaded[i].project, e.verdicts)),
    );
    database();
    // A WAGE_ARREARS raised here counts in its contractor's record: a later project-month of the batch with the
    // same contractor is judged with the record read again, as it would be had it been evaluated on its own.
    const contractorsChanged = new Set<string>();
    const assessments: { project: ProjectRow; month: Month; assessment: MonthAssessment }[] = [];
    for (const [i, facts] of loaded.entries()) {
      const project = projects.get(facts.project.code)!;
      let evaluation = evaluations[i];
      if (contractorsChanged.has(project.contractorCreditCode)) {
        facts.contractor = await this.facts.contractorRecord(manager, project.contractorCreditCode, asOf);
        contractorsChanged.delete(project.contractorCreditCode);
        database();
        evaluation = evaluateProjectMonth(facts, asOf);
        rules();
      }
      const { counts: done, opened } = await ledger.reconcile(project, evaluation.verdicts, asOf);
      database();
      if (opened.has('WAGE_ARREARS')) contractorsChanged.add(project.contractorCreditCode);
      add(counts, { evaluated: 1, ...done });
      assessments.push({ project, month: facts.month, assessment: evaluation.assessment });
    }
    await ledger.flush(await this.assessmentEvents(manager, assessments, asOf));
    database();
    if (timings) {
      timings.batches += 1;
      timings.databaseMs += databaseMs;
      timings.rulesMs += rulesMs;
    }
    return counts;
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

  /** The projects (these, or every one) by code. */
  private async projectsByCode(
    manager: EntityManager,
    codes?: readonly string[],
  ): Promise<Map<string, ProjectRow>> {
    return new Map((await this.facts.projects(manager, codes)).map((p) => [p.code, p]));
  }

  /**
   * Records each month's standing (one statement) and answers the events of those that differ from what was
   * last published for them.
   */
  private async assessmentEvents(
    manager: EntityManager,
    assessments: readonly { project: ProjectRow; month: Month; assessment: MonthAssessment }[],
    asOf: Date,
  ): Promise<NewEvent[]> {
    if (assessments.length === 0) return [];
    const data = assessments.map(({ project, month, assessment }) => ({
      projectCode: project.code,
      regionCode: project.regionCode,
      ...(project.gridCode !== undefined && { gridCode: project.gridCode }),
      month,
      ...assessment,
    }));
    const hashes = data.map((d) => createHash('sha256').update(JSON.stringify(d)).digest('hex'));
    const changed: { project_code: string; month: string }[] = await manager.query(
      `INSERT INTO rules.assessments (project_code, month, facts_hash, evaluated_at)
       SELECT project_code, month, facts_hash, $4 FROM unnest($1::text[], $2::text[], $3::text[])
         AS a(project_code, month, facts_hash)
       ON CONFLICT (project_code, month) DO UPDATE SET facts_hash = EXCLUDED.facts_hash,
         evaluated_at = EXCLUDED.evaluated_at
       WHERE rules.assessments.facts_hash <> EXCLUDED.facts_hash
       RETURNING project_code, month`,
      [data.map((d) => d.projectCode), data.map((d) => d.month), hashes, asOf],
    );
    const published = new Set(changed.map((r) => `${r.project_code}\u0000${r.month}`));
    return data
      .filter((d) => published.has(`${d.projectCode}\u0000${d.month}`))
      .map((d) =>
        newEvent(MonthlyAssessmentCompleted, d.projectCode, { ...d, evaluatedAt: asOf.toISOString() }),
      );
  }
}

/** The targets whose project exists and has started by their month, and whose month has begun at `asOf`. */
function liveTargets(
  targets: readonly Target[],
  projects: ReadonlyMap<string, ProjectRow>,
  asOf: Date,
): { project: ProjectRow; month: Month }[] {
  return targets.flatMap(({ projectCode, month }) => {
    const project = projects.get(projectCode);
    if (!project || month < monthOfDate(project.startDate) || month > monthOf(asOf)) return [];
    return [{ project, month }];
  });
}

/**
 * The targets (ordered by project) cut into batches of at most `size` projects; a project's months stay
 * together, in order, in one batch.
 */
function batchesOf(targets: readonly Target[], size: number): Target[][] {
  const batches: Target[][] = [];
  let current: Target[] = [];
  let projects = 0;
  let last: string | undefined;
  for (const target of targets) {
    if (target.projectCode !== last) {
      if (projects === size) {
        batches.push(current);
        current = [];
        projects = 0;
      }
      projects += 1;
      last = target.projectCode;
    }
    current.push(target);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function add(total: EvaluationCounts, counts: EvaluationCounts): void {
  total.evaluated += counts.evaluated;
  total.raised += counts.raised;
  total.updated += counts.updated;
  total.cleared += counts.cleared;
}
