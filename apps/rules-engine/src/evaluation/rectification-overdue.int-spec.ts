import { randomBytes, randomUUID } from 'node:crypto';
import { RectificationOrdered, Topics, TransactionRecorded, alertKey } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { startTestApp, TopicReader, type ReadMessage, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { envelope, MONTH, projectWithUnpaidWorker } from '../testing/upstream-events.fixtures';

type AlertMessage = {
  type: string;
  data: {
    alertKey: string;
    severity: string;
    evidence: { workers: { idMasked: string }[]; facts: Record<string, unknown> };
  };
};
const ofKey = (messages: ReadMessage[], type: string, key: string) =>
  messages
    .map((m) => JSON.parse(m.value!) as AlertMessage)
    .filter((m) => m.type === type && m.data.alertKey === key);

describe('RECTIFICATION_OVERDUE from casework orders (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let alerts: TopicReader;
  const send = (topic: string, messages: { key: string; value: string }[]) =>
    t.app.get(KafkaClient).send(topic, messages);

  beforeAll(async () => {
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ALERT_SETTLE_SECONDS: '0' });
    alerts = await TopicReader.start(t.topic(Topics.alert));
  });
  afterAll(async () => {
    await alerts?.stop();
    await t?.close();
  });

  it('raises RED once an order to pay has passed its deadline with the wages unpaid, and clears on payment', async () => {
    const code = `R-${randomBytes(3).toString('hex')}`;
    const key = alertKey('RECTIFICATION_OVERDUE', code, MONTH);
    const fx = projectWithUnpaidWorker(code);
    await send(Topics.project, fx.project);
    await send(Topics.roster, fx.roster);
    await send(Topics.account, fx.account);
    await alerts.waitFor((m) => ofKey(m, 'AlertRaised', alertKey('WAGE_ARREARS', code, MONTH)).length === 1, {
      description: 'WAGE_ARREARS raised',
      timeoutMs: 60_000,
    });

    // An order to pay September's wages by 2026-11-20, recorded on 10 November: long passed, still unpaid.
    const caseId = randomUUID();
    await send(Topics.enforcement, [
      envelope(RectificationOrdered, code, {
        caseId,
        actionId: randomUUID(),
        projectCode: code,
        months: [MONTH],
        regionCode: '350206',
        deadline: '2026-11-20',
        violations: ['WAGE_ARREARS', 'WAGE_UNDERPAID'],
        ordersPayment: true,
        amountFen: 500_000,
        documentNo: '厦湖人社监令〔2026〕7号',
        orderedAt: '2026-11-10T09:00:00+08:00',
      }),
    ]);
    await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'RECTIFICATION_OVERDUE raised',
      timeoutMs: 60_000,
    });
    const [raised] = ofKey(alerts.messages, 'AlertRaised', key);
    expect(raised.data.severity).toBe('RED');
    expect(raised.data.evidence.workers).toEqual([
      expect.objectContaining({ idMasked: '350206********1234' }),
    ]);
    expect(raised.data.evidence.facts).toMatchObject({
      earliestDeadline: '2026-11-20',
      orders: [expect.objectContaining({ caseId, documentNo: '厦湖人社监令〔2026〕7号' })],
    });

    // The wages paid from the dedicated account end the violation, and with it the overdue order.
    await send(Topics.account, [
      envelope(TransactionRecorded, code, {
        accountNumber: fx.accountNumber,
        serialNo: 'PAY-1',
        occurredAt: new Date().toISOString(),
        direction: 'DEBIT',
        kind: 'PAYROLL',
        amountFen: 500_000,
        payrollMonth: MONTH,
        counterparty: { name: '张三', accountHash: fx.worker.cardHash, accountMasked: '6222***********0123' },
      }),
    ]);
    await alerts.waitFor((m) => ofKey(m, 'AlertCleared', key).length === 1, {
      description: 'RECTIFICATION_OVERDUE cleared by the payment',
      timeoutMs: 60_000,
    });
  });
});
