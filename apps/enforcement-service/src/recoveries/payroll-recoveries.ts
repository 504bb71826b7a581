import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accountEvents, Topics, type AccountEvent, type TransactionRecorded } from '@wage/contracts';
import { dateInShanghai } from '@wage/domain';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA as S } from '../schema';

/** Who records a recovery matched from the account: no inspector, the bank's own record. */
export const PAYROLL_ACTOR = 'payroll';

/**
 * 清欠 from the dedicated account: a payroll payment to a worker named in a case's evidence, made after the case
 * opened, counts as recovered on the earliest such case of the project with wages outstanding (up to what is
 * outstanding; a case without wages owed on record takes the whole payment). A transaction counts once, on one case.
 */
export async function matchPayrollRecoveries(events: AccountEvent[], manager: EntityManager): Promise<void> {
  // Per account, read once per batch: its project, when the project has a case (most have none, and a batch of
  // thousands of payments is then passed over with one query). Cases are not opened by this consumer, so the answer
  // holds for the batch; an account opened within it is asked again.
  const caseProjects = new Map<string, string | null>();
  for (const event of events) {
    if (event.type === 'WageAccountOpened') {
      await manager.query(
        `INSERT INTO "${S}".wage_accounts (account_number, project_code) VALUES ($1, $2)
         ON CONFLICT (account_number) DO UPDATE SET project_code = EXCLUDED.project_code`,
        [event.data.accountNumber, event.data.projectCode],
      );
      caseProjects.delete(event.data.accountNumber);
    } else if (event.type === 'TransactionRecorded' && event.data.kind === 'PAYROLL') {
      const { accountNumber } = event.data;
      if (!caseProjects.has(accountNumber))
        caseProjects.set(accountNumber, await projectWithCases(manager, accountNumber));
      const projectCode = caseProjects.get(accountNumber);
      if (projectCode) await matchPayment(manager, projectCode, event.data);
    }
  }
}

/** The account's project when it has a case; null when it has none or the account is not known. */
async function projectWithCases(manager: EntityManager, accountNumber: string): Promise<string | null> {
  const [account]: { project_code: string }[] = await manager.query(
    `SELECT a.project_code FROM "${S}".wage_accounts a
      WHERE a.account_number = $1 AND EXISTS (SELECT 1 FROM "${S}".cases k WHERE k.project_code = a.project_code)`,
    [accountNumber],
  );
  return account?.project_code ?? null;
}

async function matchPayment(
  manager: EntityManager,
  projectCode: string,
  tx: TransactionRecorded,
): Promise<void> {
  let idHash = tx.counterparty.idHash;
  if (idHash === undefined && tx.counterparty.accountHash !== undefined) {
    const [card]: { id_hash: string }[] = await manager.query(
      `SELECT id_hash FROM "${S}".worker_cards WHERE project_code = $1 AND card_hash = $2`,
      [projectCode, tx.counterparty.accountHash],
    );
    idHash = card?.id_hash;
  }
  if (idHash === undefined) return;
  // A bank transaction is one payment: counted on one case, once, whatever redelivers it.
  const [counted] = await manager.query(
    `SELECT 1 FROM "${S}".recoveries WHERE source = 'PAYROLL' AND account_number = $1 AND serial_no = $2`,
    [tx.accountNumber, tx.serialNo],
  );
  if (counted) return;
  const cases: { id: string; owed: string; recovered: string }[] = await manager.query(
    `SELECT k.id, k.wages_owed_fen::text AS owed,
            coalesce((SELECT sum(r.amount_fen) FROM "${S}".recoveries r WHERE r.case_id = k.id), 0)::text AS recovered
       FROM "${S}".cases k
      WHERE k.project_code = $1 AND k.opened_at <= $2
        AND k.evidence -> 'alert' -> 'workers' @> $3::jsonb
      ORDER BY k.opened_at, k.id
      FOR UPDATE OF k`,
    [projectCode, tx.occurredAt, JSON.stringify([{ idHash }])],
  );
  const target = cases.find((c) => Number(c.owed) === 0 || Number(c.owed) > Number(c.recovered));
  if (!target) return;
  const owed = Number(target.owed);
  const amount = owed === 0 ? tx.amountFen : Math.min(tx.amountFen, owed - Number(target.recovered));
  await manager.query(
    `INSERT INTO "${S}".recoveries (id, case_id, amount_fen, workers, paid_on, note, actor, recorded_at, source,
       account_number, serial_no)
     VALUES ($1, $2, $3, 1, $4, $5, $6, now(), 'PAYROLL', $7, $8) ON CONFLICT DO NOTHING`,
    [
      randomUUID(),
      target.id,
      amount,
      dateInShanghai(new Date(tx.occurredAt)),
      `专户代发工资（流水号 ${tx.serialNo}${tx.payrollMonth ? `，${tx.payrollMonth}工资` : ''}）`,
      PAYROLL_ACTOR,
      tx.accountNumber,
      tx.serialNo,
    ],
  );
}

/** Follows the account's payroll for the life of the app; the roll's cards come from worker-clues' RollEntries. */
@Injectable()
class PayrollRecoveriesConsumers extends AppConsumers {
  protected readonly consumers: readonly EventConsumer<typeof accountEvents>[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    super();
    this.consumers = [
      new EventConsumer({
        dataSource,
        schema: S,
        kafka,
        logger,
        metrics,
        name: 'enforcement-service.account',
        topic: Topics.account,
        contracts: accountEvents,
        handle: matchPayrollRecoveries,
      }),
    ];
  }
}

@Module({ providers: [PayrollRecoveriesConsumers] })
export class PayrollRecoveriesModule {}
