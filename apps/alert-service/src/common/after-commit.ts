import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { LOGGER, type Logger } from '@wage/platform';

type Work = () => Promise<void>;

/**
 * Runs work once the surrounding transaction has committed (queueing a job or pushing to the live stream must not
 * announce rows that a rollback then removes). Work for a rolled-back transaction is dropped. A failure is logged,
 * never thrown: the rows are committed, and the escalation sweep re-queues notifications still pending.
 */
@Injectable()
export class AfterCommit {
  private readonly pending = new WeakMap<QueryRunner, Work[]>();

  constructor(
    dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    dataSource.subscribers.push({
      afterTransactionCommit: (event) => this.flush(event.queryRunner),
      afterTransactionRollback: (event) => {
        this.pending.delete(event.queryRunner);
      },
    });
  }

  /** Schedules `work` for after the commit of `manager`'s transaction, or runs it now outside a transaction. */
  async run(manager: EntityManager, work: Work): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      await this.safely(work);
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push(work);
    this.pending.set(runner, list);
  }

  private async flush(runner: QueryRunner): Promise<void> {
    const list = this.pending.get(runner) ?? [];
    this.pending.delete(runner);
    for (const work of list) await this.safely(work);
  }

  private async safely(work: Work): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error({ err: error }, 'work after commit failed; the next sweep retries it');
    }
  }
}
