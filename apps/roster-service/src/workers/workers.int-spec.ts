import { Topics, parseEvent, rosterEvents } from '@wage/contracts';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  identityNumber,
  outboxCount,
  registerProject,
  rosterTablesAsText,
  startRosterService,
  userToken,
  worker,
} from '../testing/roster-test-kit';

describe('worker rolls (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let reader: TopicReader;
  let projectKey: string;
  let otherProjectKey: string;

  beforeAll(async () => {
    service = await startRosterService({ ROSTER_BATCH_CAP: '25' });
    reader = await TopicReader.start(service.topic(Topics.roster));
    projectKey = await registerProject(service, 'XM-ROLL-1');
    otherProjectKey = await registerProject(service, 'XM-ROLL-2');
  });
  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const putWorkers = (workers: unknown[], key = projectKey, code = 'XM-ROLL-1') =>
    service.http.put(`/api/v1/projects/${code}/workers`).set(bearer(key)).send({ workers });
  const rosterEventsRead = () =>
    reader.messages.flatMap((m) => {
      const parsed = parseEvent(rosterEvents, m.value);
      return parsed.ok ? [parsed.event] : [];
    });
  const workersStored = async (code = 'XM-ROLL-1') =>
    (
      await service.dataSource.query(
        `SELECT count(*)::int AS n FROM roster.workers WHERE project_code = $1`,
        [code],
      )
    )[0].n as number;

  it('stores a valid batch and publishes its events after commit, with masked numbers only', async () => {
    const batch = [
      worker(1),
      worker(2, { exitDate: '2026-08-31' }),
      worker(3, { bankCard: undefined, phone: undefined }),
    ];
    const response = await putWorkers(batch);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: 3, created: 3, updated: 0 });
    expect(await workersStored()).toBe(3);

    const messages = await reader.waitFor((m) => m.length >= 4, {
      description: 'three enrolments and one exit',
    });
    expect(messages.every((m) => m.key === 'XM-ROLL-1')).toBe(true);
    const events = rosterEventsRead();
    expect(events.filter((e) => e.type === 'WorkerEnrolled')).toHaveLength(3);
    const exited = events.find((e) => e.type === 'WorkerExited');
    expect(exited?.data).toMatchObject({ exitDate: '2026-08-31' });
    const first = events.find((e) => e.type === 'WorkerEnrolled' && e.data.name === 'Worker 1');
    expect(first?.data).toMatchObject({
      idMasked: '350206********' + batch[0].idNumber.slice(-4),
      bankCard: { bankCode: 'ICBC', cardMasked: '6222***********0001' },
    });
    const published = messages.map((m) => m.value).join('\n');
    for (const row of batch) expect(published).not.toContain(row.idNumber);
    expect(published).not.toContain(batch[0].bankCard!.cardNumber);
  });

  it('updates by identity number, keeps the worker id, and says which rows were new', async () => {
    const before = rosterEventsRead().find((e) => e.type === 'WorkerEnrolled' && e.data.name === 'Worker 1');
    const response = await putWorkers([worker(1, { name: 'Worker One', exitDate: '2026-09-30' }), worker(4)]);
    expect(response.body).toEqual({ accepted: 2, created: 1, updated: 1 });
    await reader.waitFor((m) => m.length >= 7, { description: 'update, exit and enrolment' });
    const updated = rosterEventsRead().find((e) => e.type === 'WorkerUpdated');
    expect(updated?.data).toMatchObject({ name: 'Worker One', exitDate: '2026-09-30' });
    expect(before && updated && updated.data).toMatchObject({
      workerId: (before!.data as { workerId: string }).workerId,
    });
    expect(rosterEventsRead().filter((e) => e.type === 'WorkerExited')).toHaveLength(2);
  });

  it('refuses a batch with one bad row whole: nothing stored or published, every problem reported', async () => {
    const storedBefore = await workersStored();
    const outboxBefore = await outboxCount(service);
    const badId = worker(10).idNumber.slice(0, 17) + (worker(10).idNumber.endsWith('0') ? '1' : '0');
    const response = await putWorkers([
      worker(10),
      worker(11, { idNumber: badId }),
      worker(12, { entryDate: '2026-05-01', exitDate: '2026-04-30' }),
      worker(13, { bankCard: { bankCode: 'ICBC', cardNumber: '6222-12' } }),
      worker(10, { name: 'same person again' }),
      worker(14, { idNumber: '35020619880517' }),
      { name: 'no identity number', entryDate: '2026-03-10' },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('INVALID_ROWS');
    const problems = (response.body.details as { index: number; field: string; code: string }[]).map(
      ({ index, field, code }) => ({ index, field, code }),
    );
    expect(problems).toEqual([
      { index: 1, field: 'idNumber', code: 'INVALID_ID_NUMBER' },
      { index: 2, field: 'exitDate', code: 'EXIT_BEFORE_ENTRY' },
      { index: 3, field: 'bankCard.cardNumber', code: 'INVALID_CARD_NUMBER' },
      { index: 4, field: 'idNumber', code: 'DUPLICATE_ID_NUMBER' },
      { index: 5, field: 'idNumber', code: 'INVALID_ID_NUMBER' },
      { index: 6, field: 'idNumber', code: 'REQUIRED' },
    ]);
    expect(response.text).not.toContain(badId);
    expect(await workersStored()).toBe(storedBefore);
    expect(await outboxCount(service)).toBe(outboxBefore);
  });

  it('refuses a worker under 16 at the entry date', async () => {
    // 15 on 2026-09-01, 16 a day later; the worker born a day earlier is 16 that day.
    const child = worker(20, { idNumber: identityNumber('2010-09-02', 7), entryDate: '2026-09-01' });
    const response = await putWorkers([child]);
    expect(response.status).toBe(422);
    expect(response.body.details[0]).toMatchObject({
      index: 0,
      field: 'idNumber',
      code: 'UNDER_MINIMUM_AGE',
    });
    const sixteen = worker(21, { idNumber: identityNumber('2010-09-01', 7), entryDate: '2026-09-01' });
    expect((await putWorkers([sixteen])).status).toBe(200);
  });

  it('answers a repeated Idempotency-Key with the first answer, and 409 for a changed body', async () => {
    const send = (workers: unknown[]) =>
      service.http
        .put('/api/v1/projects/XM-ROLL-1/workers')
        .set(bearer(projectKey))
        .set('Idempotency-Key', 'roll-2026-09-a')
        .send({ workers });
    const first = await send([worker(30)]);
    expect(first.body).toEqual({ accepted: 1, created: 1, updated: 0 });
    const outboxAfterFirst = await outboxCount(service);
    const repeat = await send([worker(30)]);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({ accepted: 1, created: 1, updated: 0 }); // the first answer, not "updated: 1"
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(await outboxCount(service)).toBe(outboxAfterFirst);
    const changed = await send([worker(31)]);
    expect(changed.status).toBe(409);
    expect(changed.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 413 naming the cap when a batch is too large', async () => {
    const response = await putWorkers(Array.from({ length: 26 }, (_, i) => worker(100 + i)));
    expect(response.status).toBe(413);
    expect(response.body.message).toContain('at most 25 rows');
  });

  it("keeps a project key to its own project: 403 for another project's roll", async () => {
    const write = await putWorkers([worker(40)], otherProjectKey);
    expect(write.status).toBe(403);
    const read = await service.http.get('/api/v1/projects/XM-ROLL-1/workers').set(bearer(otherProjectKey));
    expect(read.status).toBe(403);
    const project = await service.http.get('/api/v1/projects/XM-ROLL-1').set(bearer(otherProjectKey));
    expect(project.status).toBe(403);
    expect(
      await service.http.get('/api/v1/projects/XM-ROLL-2/workers').set(bearer(otherProjectKey)),
    ).toHaveProperty('status', 200);
  });

  it('lists the roll masked, to the project and to users of its region only', async () => {
    const own = await service.http
      .get('/api/v1/projects/XM-ROLL-1/workers?pageSize=2')
      .set(bearer(projectKey));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ page: 1, pageSize: 2, total: await workersStored() });
    expect(own.body.items).toHaveLength(2);
    const all = await service.http.get('/api/v1/projects/XM-ROLL-1/workers').set(bearer(projectKey));
    expect(all.body.items.find((item: { name: string }) => item.name === 'Worker 4')).toMatchObject({
      idMasked: expect.stringMatching(/^350206\*{8}\d{3}[\dX]$/),
      phoneMasked: expect.stringMatching(/^138\*{4}\d{4}$/),
      bankCard: { bankCode: 'ICBC', cardMasked: expect.stringMatching(/^6222\*{11}\d{4}$/) },
    });
    expect(all.text).not.toContain(worker(4).idNumber);
    expect(all.text).not.toContain(worker(4).bankCard.cardNumber);
    const city = await service.http
      .get('/api/v1/projects/XM-ROLL-1/workers')
      .set(bearer(userToken(service, '350200')));
    expect(city.status).toBe(200);
    const elsewhere = await service.http
      .get('/api/v1/projects/XM-ROLL-1/workers')
      .set(bearer(userToken(service, '440300')));
    expect(elsewhere.status).toBe(404);
  });

  it('holds no identity, card or phone number in clear anywhere in its tables', async () => {
    const text = await rosterTablesAsText(service);
    expect(text).toContain('Worker One'); // names are kept in clear on purpose: the scan does see the rows
    for (const n of [1, 2, 3, 4, 10, 21, 30]) {
      const { idNumber, bankCard, phone } = worker(n);
      expect(text).not.toContain(idNumber);
      expect(text).not.toContain(bankCard.cardNumber);
      expect(text).not.toContain(phone);
    }
  });
});
