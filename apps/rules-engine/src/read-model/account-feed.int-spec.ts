import { randomBytes } from 'node:crypto';
import {
  AccountStatementReported,
  Topics,
  TransactionRecorded,
  WageAccountOpened,
  deadLetterTopic,
} from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { startTestApp, TopicReader, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { EvaluationWorker } from '../evaluation/evaluation.worker';
import { envelope } from '../testing/upstream-events.fixtures';

describe("rules-engine read model of the bank's feed (real PostgreSQL and Kafka)", () => {
  let t: TestApp;
  const send = (messages: { key: string; value: string }[]) =>
    t.app.get(KafkaClient).send(Topics.account, messages);
  const eventId = (message: { value: string }) => (JSON.parse(message.value) as { id: string }).id;
  /** Waits until the account consumer has applied these messages (it records their ids with their effects). */
  const consumed = (messages: { key: string; value: string }[]) =>
    waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM rules.processed_events WHERE event_id = ANY($1::uuid[])`,
            [messages.map(eventId)],
          )
        )[0].n === messages.length,
      { description: 'account events consumed', timeoutMs: 45_000 },
    );
  const statementThrough = async (accountNumber: string): Promise<string | null> => {
    const [row] = await t.dataSource.query(
      `SELECT statement_through FROM rules.accounts WHERE account_number = $1`,
      [accountNumber],
    );
    return row.statement_through === null ? null : (row.statement_through as Date).toISOString();
  };
  const queuedMonths = async (projectCode: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT month FROM rules.pending_evaluations WHERE project_code = $1 ORDER BY month`,
        [projectCode],
      )
    ).map((row: { month: string }) => row.month);
  const clearQueue = (projectCode: string) =>
    t.dataSource.query(`DELETE FROM rules.pending_evaluations WHERE project_code = $1`, [projectCode]);

  /** A project's dedicated account, opened on 2026-06-01, already consumed; its queued evaluations cleared. */
  async function openedAccount(): Promise<{ code: string; accountNumber: string }> {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const accountNumber = `AC${code}`;
    const opened = [
      envelope(WageAccountOpened, code, {
        accountNumber,
        projectCode: code,
        bankCode: 'ICBC',
        openedOn: '2026-06-01',
      }),
    ];
    await send(opened);
    await consumed(opened);
    await clearQueue(code);
    return { code, accountNumber };
  }
  const statement = (code: string, accountNumber: string, through: string) =>
    envelope(AccountStatementReported, code, { accountNumber, statementThrough: through });

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule });
    // Stopped so that the project-months the consumer queues stay in the queue to be looked at; the consumer
    // itself only queues them.
    await t.app.get(EvaluationWorker).beforeApplicationShutdown();
  });

  afterAll(async () => {
    await t?.close();
  });

  it("projects the bank's statement, never lowers it, and queues the months its completeness reaches", async () => {
    const { code, accountNumber } = await openedAccount();
    expect(await statementThrough(accountNumber)).toBeNull();

    // The first statement: end of September (Shanghai). Months from two before it through it, and the next.
    const september = [statement(code, accountNumber, '2026-09-30T23:59:59+08:00')];
    await send(september);
    await consumed(september);
    expect(await statementThrough(accountNumber)).toBe('2026-09-30T15:59:59.000Z');
    expect(await queuedMonths(code)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);

    // An older statement (a resend of mid-September) is taken and changes nothing, so nothing is evaluated again.
    await clearQueue(code);
    const older = [statement(code, accountNumber, '2026-09-15T12:00:00+08:00')];
    await send(older);
    await consumed(older);
    expect(await statementThrough(accountNumber)).toBe('2026-09-30T15:59:59.000Z');
    expect(await queuedMonths(code)).toEqual([]);

    // Two in one batch, the later one lower: the highest counts. From September (the previous statement's month)
    // through November, and December.
    const november = [
      statement(code, accountNumber, '2026-11-30T23:59:59+08:00'),
      statement(code, accountNumber, '2026-11-15T00:00:00+08:00'),
    ];
    await send(november);
    await consumed(november);
    expect(await statementThrough(accountNumber)).toBe('2026-11-30T15:59:59.000Z');
    expect(await queuedMonths(code)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('takes the Shanghai month of a statement: 1 October 00:30 in Shanghai is October', async () => {
    const { code, accountNumber } = await openedAccount();
    // 2026-09-30T16:30Z is still September in UTC.
    const first = [statement(code, accountNumber, '2026-09-30T16:30:00Z')];
    await send(first);
    await consumed(first);
    expect(await queuedMonths(code)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('stores a cash withdrawal and a fee with no counterparty account, as null columns', async () => {
    const { code, accountNumber } = await openedAccount();
    const debit = (serialNo: string, kind: 'WITHDRAWAL' | 'FEE', amountFen: number, name: string) =>
      envelope(TransactionRecorded, code, {
        accountNumber,
        serialNo,
        occurredAt: '2026-10-16T14:20:00+08:00',
        direction: 'DEBIT',
        kind,
        amountFen,
        counterparty: { name },
      });
    const events = [
      debit('CASH-1', 'WITHDRAWAL', 2_000_000, '现金支取'),
      debit('FEE-1', 'FEE', 500, '中国工商银行厦门分行'),
    ];
    await send(events);
    await consumed(events);
    expect(
      await t.dataSource.query(
        `SELECT serial_no, kind, amount_fen::int AS amount_fen, counterparty_name, counterparty_account_hash,
                counterparty_account_masked
         FROM rules.transactions WHERE account_number = $1 ORDER BY serial_no`,
        [accountNumber],
      ),
    ).toEqual([
      {
        serial_no: 'CASH-1',
        kind: 'WITHDRAWAL',
        amount_fen: 2_000_000,
        counterparty_name: '现金支取',
        counterparty_account_hash: null,
        counterparty_account_masked: null,
      },
      {
        serial_no: 'FEE-1',
        kind: 'FEE',
        amount_fen: 500,
        counterparty_name: '中国工商银行厦门分行',
        counterparty_account_hash: null,
        counterparty_account_masked: null,
      },
    ]);
    // The month it happened in and the one before are evaluated, as for any transaction.
    expect(await queuedMonths(code)).toEqual(['2026-09', '2026-10']);
  });

  it('dead-letters a statement for an account it does not know, with the reason, instead of dropping it', async () => {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const orphan = statement(code, `AC${code}`, '2026-10-31T23:59:59+08:00');
    const deadLetters = await TopicReader.start(t.topic(deadLetterTopic(Topics.account)));
    try {
      await send([orphan]);
      const read = await deadLetters.waitFor((messages) => messages.some((m) => m.value === orphan.value), {
        description: 'the statement dead-lettered',
        timeoutMs: 45_000,
      });
      expect(read.find((m) => m.value === orphan.value)!.headers['dlq-reason']).toContain(
        `AC${code}, which the read model does not have`,
      );
    } finally {
      await deadLetters.stop();
    }
  });
});
