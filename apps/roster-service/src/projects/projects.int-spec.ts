import { Topics, parseEvent, projectEvents } from '@wage/contracts';
import { hashApiKey } from '@wage/platform';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  creditCode,
  projectBody,
  registerProject,
  startRosterService,
  userToken,
} from '../testing/roster-test-kit';

describe('projects (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let reader: TopicReader;
  let admin: { Authorization: string };

  beforeAll(async () => {
    service = await startRosterService();
    reader = await TopicReader.start(service.topic(Topics.project));
    admin = bearer(service.env.ADMIN_API_KEY);
  });
  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  it('registers a project, shows its key once, keeps only the hash, and publishes ProjectRegistered', async () => {
    const response = await service.http.post('/api/v1/projects').set(admin).send(projectBody('XM-P-1'));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ code: 'XM-P-1', apiKey: expect.stringMatching(/^wgp_/) });
    const apiKey = response.body.apiKey as string;
    const [stored] = await service.dataSource.query(
      `SELECT api_key_hash FROM roster.projects WHERE code = 'XM-P-1'`,
    );
    expect(stored.api_key_hash).toBe(hashApiKey(apiKey));

    const [message] = await reader.waitFor((m) => m.length >= 1, { description: 'ProjectRegistered' });
    const event = parseEvent(projectEvents, message.value);
    expect(event.ok && event.event.data).toMatchObject({
      code: 'XM-P-1',
      contractAmountFen: 12_800_000_000,
      status: 'IN_CONSTRUCTION',
      apiKeyHash: hashApiKey(apiKey),
    });
    expect(message.value).not.toContain(apiKey);

    const own = await service.http.get('/api/v1/projects/XM-P-1').set(bearer(apiKey));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ code: 'XM-P-1', contractAmount: '128000000.00', payday: 15 });
  });

  it('refuses a project with bad fields, naming each', async () => {
    const response = await service.http
      .post('/api/v1/projects')
      .set(admin)
      .send({
        ...projectBody('XM-P-BAD'),
        regionCode: '35020',
        contractor: { name: 'Haixi', creditCode: creditCode('MA2X0001').slice(0, 17) + '0' },
        contractAmount: '12.345',
        payday: 32,
        startDate: '2026-02-30',
      });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['contractAmount', 'contractor.creditCode', 'payday', 'regionCode', 'startDate']);
    expect(await service.http.get('/api/v1/projects/XM-P-BAD').set(admin)).toHaveProperty('status', 404);
  });

  it('registers a project only in a district that exists in GB/T 2260', async () => {
    const register = (code: string, regionCode: string) =>
      service.http
        .post('/api/v1/projects')
        .set(admin)
        .send({ ...projectBody(code), regionCode });
    for (const [regionCode, message] of [
      ['999999', '"999999" is no district in GB/T 2260'],
      ['350299', '"350299" is no district in GB/T 2260'],
      ['350200', '"350200" is 厦门市, a province or city; a project is registered in its district'],
    ]) {
      const refused = await register(`XM-P-R${regionCode}`, regionCode);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        expect.objectContaining({ field: 'regionCode', message: expect.stringContaining(message) }),
      ]);
    }
    // A city without districts is its own county-level division (东莞市).
    expect((await register('GD-P-DG', '441900')).status).toBe(201);
  });

  it('refuses a second project with the same code, and registration by anyone but the administrator', async () => {
    const key = await registerProject(service, 'XM-P-2');
    expect((await service.http.post('/api/v1/projects').set(admin).send(projectBody('XM-P-2'))).status).toBe(
      409,
    );
    const byProject = await service.http
      .post('/api/v1/projects')
      .set(bearer(key))
      .send(projectBody('XM-P-3'));
    expect(byProject.status).toBe(403);
  });

  it('shows a project to users covering its region and hides it (404) from others', async () => {
    await registerProject(service, 'XM-P-4', '350206');
    const get = (token: string) => service.http.get('/api/v1/projects/XM-P-4').set(bearer(token));
    expect((await get(userToken(service, '350206'))).status).toBe(200);
    expect((await get(userToken(service, '350000', 'LEADER'))).status).toBe(200);
    expect((await get(userToken(service, '350203'))).status).toBe(404);
    expect((await get(userToken(service, '440000'))).status).toBe(404);
    expect((await get(userToken(service, '440000', 'ADMIN'))).status).toBe(200);
  });

  it('changes status with an effective date, publishing ProjectStatusChanged; only the project itself', async () => {
    const key = await registerProject(service, 'XM-P-5');
    const otherKey = await registerProject(service, 'XM-P-6');
    const patch = (token: string, body: object) =>
      service.http.patch('/api/v1/projects/XM-P-5').set(bearer(token)).send(body);

    expect((await patch(otherKey, { status: 'SUSPENDED', effectiveDate: '2026-07-01' })).status).toBe(403);
    expect((await patch(key, { status: 'SUSPENDED', effectiveDate: '2026-01-01' })).status).toBe(400); // before start
    expect((await patch(key, { status: 'HALTED', effectiveDate: '2026-07-01' })).status).toBe(400);
    const suspended = await patch(key, { status: 'SUSPENDED', effectiveDate: '2026-07-01' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'SUSPENDED',
      statusEffectiveDate: '2026-07-01',
      changed: true,
    });
    const again = await patch(key, { status: 'SUSPENDED', effectiveDate: '2026-07-02' });
    expect(again.body).toMatchObject({ statusEffectiveDate: '2026-07-01', changed: false });

    const messages = await reader.waitFor(
      (m) => m.some((x) => x.key === 'XM-P-5' && x.headers['event-type'] === 'ProjectStatusChanged'),
      { description: 'ProjectStatusChanged' },
    );
    const changes = messages
      .map((m) => parseEvent(projectEvents, m.value))
      .filter((e) => e.ok && e.event.type === 'ProjectStatusChanged');
    expect(changes).toHaveLength(1);
    expect(changes[0].ok && changes[0].event.data).toEqual({
      code: 'XM-P-5',
      status: 'SUSPENDED',
      previousStatus: 'IN_CONSTRUCTION',
      effectiveDate: '2026-07-01',
    });
  });

  it('refuses unknown and missing keys', async () => {
    const unknown = await service.http
      .get('/api/v1/projects/XM-P-1')
      .set(bearer('wgp_not-a-key-anyone-was-given'));
    expect(unknown.status).toBe(401);
    expect((await service.http.get('/api/v1/projects/XM-P-1')).status).toBe(401);
  });
});
