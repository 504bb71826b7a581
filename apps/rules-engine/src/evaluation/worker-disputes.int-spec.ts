import { randomBytes, randomUUID } from 'node:crypto';
import { Topics, WorkerEnrolled, WorkerMonthAnswered, alertKey } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { startTestApp, TopicReader, type ReadMessage, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { envelope, hash, MONTH, projectWithUnpaidWorker } from '../testing/upstream-events.fixtures';

type AlertMessage = {
  type: string;
  data: {
    alertKey: string;
    severity: string;
    evidence: { workers: { idMasked: string; name?: string }[]; facts: Record<string, unknown> };
  };
};
const ofKey = (messages: ReadMessage[], type: string, key: string) =>
  messages
    .map((m) => JSON.parse(m.value!) as AlertMessage)
    .filter((m) => m.type === type && m.data.alertKey === key);

describe("WORKER_PAY_DISPUTED from workers' answers (real PostgreSQL and Kafka)", () => {
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

  it('raises YELLOW for a dispute, ORANGE at the third worker, and clears once they all confirm', async () => {
    const code = `D-${randomBytes(3).toString('hex')}`;
    const key = alertKey('WORKER_PAY_DISPUTED', code, MONTH);
    const fx = projectWithUnpaidWorker(code);
    await send(Topics.project, fx.project);
    await send(Topics.roster, fx.roster);
    const others = [1, 2].map((n) => ({ workerId: randomUUID(), idHash: hash(), n }));
    await send(
      Topics.roster,
      others.map((w) =>
        envelope(WorkerEnrolled, code, {
          workerId: w.workerId,
          idHash: w.idHash,
          idMasked: `350206********000${w.n}`,
          name: `李${w.n}`,
          entryDate: '2026-09-01',
        }),
      ),
    );
    const answer = (
      w: { workerId: string; idHash: string },
      result: 'CONFIRMED' | 'DISPUTED',
      reason?: 'NOT_RECEIVED' | 'CARD_NOT_MINE',
    ) =>
      envelope(WorkerMonthAnswered, code, {
        workerId: w.workerId,
        idHash: w.idHash,
        idMasked: '350206********1234',
        nameMasked: '张*',
        month: MONTH,
        result,
        ...(reason && { reason }),
        answeredAt: new Date().toISOString(),
      });

    await send(Topics.roster, [answer(fx.worker, 'DISPUTED', 'NOT_RECEIVED')]);
    await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'WORKER_PAY_DISPUTED raised',
    });
    const [raised] = ofKey(alerts.messages, 'AlertRaised', key);
    expect(raised.data.severity).toBe('YELLOW');
    expect(raised.data.evidence.workers).toEqual([
      expect.objectContaining({ idMasked: '350206********1234', name: '张*' }),
    ]);

    await send(
      Topics.roster,
      others.map((w) => answer(w, 'DISPUTED', 'CARD_NOT_MINE')),
    );
    await alerts.waitFor((m) => ofKey(m, 'AlertUpdated', key).some((e) => e.data.severity === 'ORANGE'), {
      description: 'escalated to ORANGE at three workers',
    });

    await send(
      Topics.roster,
      [fx.worker, ...others].map((w) => answer(w, 'CONFIRMED')),
    );
    await alerts.waitFor((m) => ofKey(m, 'AlertCleared', key).length === 1, {
      description: 'cleared when every worker confirmed',
    });
  });

  it('names the workers who said the card is not theirs beside SHARED_BANK_CARD, masked', async () => {
    const code = `C-${randomBytes(3).toString('hex')}`;
    const key = alertKey('SHARED_BANK_CARD', code, null);
    const fx = projectWithUnpaidWorker(code);
    await send(Topics.project, fx.project);
    await send(Topics.roster, fx.roster);
    // Two workers enrolled with one card: someone holds it.
    const card = { bankCode: 'ICBC', cardHash: hash(), cardMasked: '6222***********7777' };
    const holders = [1, 2].map((n) => ({ workerId: randomUUID(), idHash: hash(), n }));
    await send(
      Topics.roster,
      holders.map((w) =>
        envelope(WorkerEnrolled, code, {
          workerId: w.workerId,
          idHash: w.idHash,
          idMasked: `350206********000${w.n}`,
          name: `王${w.n}`,
          bankCard: card,
          entryDate: '2026-09-01',
        }),
      ),
    );
    await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'SHARED_BANK_CARD raised',
    });
    expect(ofKey(alerts.messages, 'AlertRaised', key)[0].data.evidence.facts.cardNotMine).toEqual([]);

    await send(Topics.roster, [
      envelope(WorkerMonthAnswered, code, {
        workerId: holders[0].workerId,
        idHash: holders[0].idHash,
        idMasked: '350206********0001',
        nameMasked: '王*',
        month: MONTH,
        result: 'DISPUTED',
        reason: 'CARD_NOT_MINE',
        answeredAt: new Date().toISOString(),
      }),
    ]);
    await alerts.waitFor(
      (m) =>
        ofKey(m, 'AlertUpdated', key).some(
          (e) => (e.data.evidence.facts.cardNotMine as unknown[] | undefined)?.length === 1,
        ),
      { description: 'the card-not-mine answer beside SHARED_BANK_CARD' },
    );
    const updated = ofKey(alerts.messages, 'AlertUpdated', key).at(-1)!;
    expect(updated.data.evidence.facts.cardNotMine).toEqual([
      { worker: '350206********0001', name: '王*', months: [MONTH] },
    ]);
  });
});
