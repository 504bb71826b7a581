import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, LOGGER, type Logger } from '@wage/platform';
import { EVALUATION_SETTINGS, type EvaluationSettings } from './evaluation-settings';
import { EvaluateMonthUseCase } from './use-cases/evaluate-month/evaluate-month.use-case';

/** How often queued project-months are looked for even without a wake-up (another instance may have queued). */
const POLL_MS = 1_000;
/** Project-months taken per pass. */
const BATCH = 20;
/** How long a claim lasts: what an instance that stopped mid-evaluation had claimed is evaluated after this. */
const CLAIM_SECONDS = 15;

/** A pending verdict is looked at again no more often than this while it waits to settle. */
const SETTLE_RECHECK_SECONDS = 5;

/**
 * Evaluates the project-months a consumed batch changed, as of now, right after that batch commits: a diverted
 * debit raises at once, a late payment clears the arrears within seconds. A pending absence verdict whose settle
 * period has passed is queued again, so it is raised (or forgotten) without waiting for the hourly sweep; the
 * verdict lives in the database, so a restart keeps it. Instances share the queue by claiming project-months, so
 * each queued project-month is evaluated by one of them.
 */
@Injectable()
export class EvaluationWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluateMonth: EvaluateMonthUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(EVALUATION_SETTINGS) private readonly settings: EvaluationSettings,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Called by a consumer inside its transaction: the drain runs shortly after, once the batch has committed. */
  wakeSoon(): void {
    this.schedule(50);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), delayMs);
  }

  private async pass(): Promise<void> {
    if (this.running) return this.schedule(POLL_MS);
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'evaluating queued project-months failed'))
      .finally(() => (this.running = undefined));
    await this.running;
    this.schedule(POLL_MS);
  }

  /**
   * Claims queued project-months and evaluates them; they leave the queue only with their results. The claim is a
   * statement of its own, so a consumer queuing one of them again meanwhile does not wait for the evaluation: it
   * lifts the claim and changes `queued_at`, and the project-month stays queued for another pass.
   */
  private async drain(): Promise<void> {
    await this.queueSettled();
    for (;;) {
      if (this.stopped) return;
      const rows: { project_code: string; month: string; queued_at: string }[] = await this.dataSource.query(
        `WITH next AS (
           SELECT project_code, month FROM rules.pending_evaluations
           WHERE claimed_until IS NULL OR claimed_until < now()
           ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE rules.pending_evaluations p SET claimed_until = now() + make_interval(secs => $2)
           FROM next WHERE p.project_code = next.project_code AND p.month = next.month
           RETURNING p.project_code, p.month, p.queued_at
         )
         SELECT project_code, month, queued_at::text AS queued_at FROM claimed ORDER BY claimed.queued_at`,
        [BATCH, CLAIM_SECONDS],
      );
      if (rows.length === 0) return;
      await this.dataSource.transaction(async (manager) => {
        // One batch: its projects are locked in code order, as a sweep's batches lock theirs, so that the two
        // never deadlock.
        await this.evaluateMonth.evaluateBatchIn(
          manager,
          rows.map((row) => ({ projectCode: row.project_code, month: row.month })),
          this.clock.now(),
        );
        // Not those queued again meanwhile, nor those a consumer is queuing again now: they are evaluated again.
        await manager.query(
          `DELETE FROM rules.pending_evaluations p
           WHERE (p.project_code, p.month) IN (
             SELECT q.project_code, q.month FROM rules.pending_evaluations q
             JOIN unnest($1::text[], $2::text[], $3::timestamptz[]) AS d(project_code, month, queued_at)
               ON q.project_code = d.project_code AND q.month = d.month AND q.queued_at = d.queued_at
             FOR UPDATE OF q SKIP LOCKED)`,
          [rows.map((r) => r.project_code), rows.map((r) => r.month), rows.map((r) => r.queued_at)],
        );
      });
      if (rows.length < BATCH) return;
    }
  }

  /** Queues the project-months of pending verdicts that have waited the settle period (one statement). */
  private async queueSettled(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO rules.pending_evaluations (project_code, month, queued_at)
       SELECT DISTINCT a.project_code,
              coalesce(a.month, to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')), clock_timestamp()
       FROM rules.alerts a
       WHERE a.status = 'PENDING' AND a.pending_since <= now() - make_interval(secs => $1)
         AND a.updated_at <= now() - make_interval(secs => $2)
       ON CONFLICT (project_code, month) DO NOTHING`,
      [this.settings.settleSeconds, SETTLE_RECHECK_SECONDS],
    );
  }
}
