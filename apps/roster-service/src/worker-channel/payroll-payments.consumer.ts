import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accountEvents, Topics, type TransactionRecorded } from '@wage/contracts';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';

type Payroll = { projectCode: string; data: TransactionRecorded };

/**
 * Keeps `roster.worker_payments`: every payroll debit banks report, so that a worker sees the payments that reached
 * their card. The other account events do not concern workers. A redelivered transaction changes nothing.
 */
@Injectable()
export class PayrollPaymentsConsumer extends AppConsumers {
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
        name: 'roster-service.payroll-payments',
        topic: Topics.account,
        contracts: accountEvents,
        dataSource,
        schema: 'roster',
        kafka,
        logger,
        metrics,
        handle: async (events, manager) => {
          const payroll = events.flatMap((e) =>
            e.type === 'TransactionRecorded' && e.data.kind === 'PAYROLL'
              ? [{ projectCode: e.projectCode, data: e.data }]
              : [],
          );
          await storePayments(payroll, manager);
        },
      }),
    ];
  }
}

async function storePayments(payments: Payroll[], manager: EntityManager): Promise<void> {
  if (payments.length === 0) return;
  await manager.query(
    `INSERT INTO roster.worker_payments (account_number, serial_no, project_code, occurred_at, amount_fen,
                                         payroll_month, card_hash, card_masked, id_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[], $6::text[],
                          $7::text[], $8::text[], $9::text[])
     ON CONFLICT (account_number, serial_no) DO NOTHING`,
    [
      payments.map((p) => p.data.accountNumber),
      payments.map((p) => p.data.serialNo),
      payments.map((p) => p.projectCode),
      payments.map((p) => p.data.occurredAt),
      payments.map((p) => p.data.amountFen),
      payments.map((p) => p.data.payrollMonth ?? null),
      payments.map((p) => p.data.counterparty.accountHash ?? null),
      payments.map((p) => p.data.counterparty.accountMasked ?? null),
      payments.map((p) => p.data.counterparty.idHash ?? null),
    ],
  );
}
