import { TopicReader, type TestApp } from '@wage/testing';
import { Topics } from '@wage/contracts';
import {
  admin,
  bearer,
  inspectorToken,
  openAccount,
  registerBank,
  registerProject,
  startWageAccountApp,
} from '../testing/wage-account-fixtures';

describe('banks and dedicated wage accounts (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let bankKey: string;
  let otherBankKey: string;
  let projectKey: string;
  let otherProjectKey: string;

  beforeAll(async () => {
    t = await startWageAccountApp();
    bankKey = await registerBank(t, 'ICBC-XM');
    otherBankKey = await registerBank(t, 'CCB-XM');
    projectKey = await registerProject(t, 'P-ACC-1', '350206');
    otherProjectKey = await registerProject(t, 'P-ACC-2', '350103');
  });
  afterAll(() => t.close());

  it('registers a bank for the administrator only, shows its key once and keeps only the hash', async () => {
    const refused = await t.http
      .post('/api/v1/banks')
      .set(bearer(bankKey))
      .send({ code: 'BOC', name: 'BOC' });
    expect(refused.status).toBe(403);
    const repeated = await t.http
      .post('/api/v1/banks')
      .set(admin(t))
      .send({ code: 'ICBC-XM', name: 'again' });
    expect(repeated.status).toBe(409);
    expect(repeated.body.error).toBe('BANK_EXISTS');
    const [row] = await t.dataSource.query(
      `SELECT api_key_hash FROM wage_account.banks WHERE code = 'ICBC-XM'`,
    );
    expect(row.api_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM wage_account.banks`))).not.toContain(
      bankKey,
    );
  });

  it('refuses an account for a project it has not learnt of yet, naming the project', async () => {
    const response = await t.http.post('/api/v1/wage-accounts').set(admin(t)).send({
      projectCode: 'P-UNKNOWN',
      bankCode: 'ICBC-XM',
      accountNumber: '4100000000000001',
      openedOn: '2026-01-10',
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'PROJECT_NOT_REGISTERED' });
    expect(response.body.message).toContain('project P-UNKNOWN is not registered (yet)');
  });

  it('opens one account per project with a unique number, publishes WageAccountOpened, answers the balance', async () => {
    const reader = await TopicReader.start(t.topic(Topics.account));
    try {
      // A project key opens its own project's account; a bank key only at its own bank.
      const wrongBank = await t.http.post('/api/v1/wage-accounts').set(bearer(otherBankKey)).send({
        projectCode: 'P-ACC-1',
        bankCode: 'ICBC-XM',
        accountNumber: '4100000000000001',
        openedOn: '2026-01-10',
      });
      expect(wrongBank.status).toBe(403);
      const wrongProject = await t.http.post('/api/v1/wage-accounts').set(bearer(otherProjectKey)).send({
        projectCode: 'P-ACC-1',
        bankCode: 'ICBC-XM',
        accountNumber: '4100000000000001',
        openedOn: '2026-01-10',
      });
      expect(wrongProject.status).toBe(403);

      await openAccount(
        t,
        { projectCode: 'P-ACC-1', bankCode: 'ICBC-XM', accountNumber: '4100000000000001' },
        projectKey,
      );

      const secondForProject = await t.http.post('/api/v1/wage-accounts').set(admin(t)).send({
        projectCode: 'P-ACC-1',
        bankCode: 'CCB-XM',
        accountNumber: '4200000000000002',
        openedOn: '2026-01-11',
      });
      expect(secondForProject.status).toBe(409);
      expect(secondForProject.body.error).toBe('PROJECT_HAS_OPEN_ACCOUNT');
      expect(secondForProject.body.message).toContain('P-ACC-1');

      const numberTaken = await t.http.post('/api/v1/wage-accounts').set(bearer(otherBankKey)).send({
        projectCode: 'P-ACC-2',
        bankCode: 'CCB-XM',
        accountNumber: '4100000000000001',
        openedOn: '2026-01-11',
      });
      expect(numberTaken.status).toBe(409);
      expect(numberTaken.body.error).toBe('ACCOUNT_NUMBER_TAKEN');
      expect(numberTaken.body.message).toContain('4100000000000001');

      const messages = await reader.waitFor((read) =>
        read.some((m) => m.value?.includes('WageAccountOpened')),
      );
      const opened = messages.filter((m) => m.value?.includes('WageAccountOpened'));
      expect(opened).toHaveLength(1);
      expect(opened[0].key).toBe('P-ACC-1');
      expect(JSON.parse(opened[0].value!).data).toEqual({
        accountNumber: '4100000000000001',
        projectCode: 'P-ACC-1',
        bankCode: 'ICBC-XM',
        openedOn: '2026-01-10',
      });
    } finally {
      await reader.stop();
    }
  });

  // Found by the attack pass (issue 16 item 12): account numbers differing only in case could both be opened.
  it('keeps account numbers unique whatever their case and finds an account by its number in any case', async () => {
    const projectKey3 = await registerProject(t, 'P-ACC-3', '350206');
    await registerProject(t, 'P-ACC-4', '350206');
    await openAccount(
      t,
      { projectCode: 'P-ACC-3', bankCode: 'ICBC-XM', accountNumber: 'XM-ICBC-0042' },
      projectKey3,
    );
    const again = await t.http.post('/api/v1/wage-accounts').set(admin(t)).send({
      projectCode: 'P-ACC-4',
      bankCode: 'ICBC-XM',
      accountNumber: 'xm-icbc-0042',
      openedOn: '2026-01-11',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: 'ACCOUNT_NUMBER_TAKEN',
      message: expect.stringContaining('与已登记的 XM-ICBC-0042 只有大小写不同'),
    });
    const shown = await t.http.get('/api/v1/wage-accounts/xm-icbc-0042').set(bearer(bankKey));
    expect(shown.status).toBe(200);
    expect(shown.body.accountNumber).toBe('XM-ICBC-0042');
    const recorded = await t.http
      .post('/api/v1/wage-accounts/Xm-Icbc-0042/transactions')
      .set(bearer(bankKey))
      .send({
        transactions: [
          {
            serialNo: 'CASE-1',
            occurredAt: '2026-03-01T09:00:00+08:00',
            direction: 'CREDIT',
            kind: 'APPROPRIATION',
            amount: '100.00',
            counterparty: { name: 'Owner Co.', accountNumber: '350100200300400500' },
          },
        ],
      });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ accountNumber: 'XM-ICBC-0042', recorded: 1 });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM wage_account.transactions WHERE account_number = 'XM-ICBC-0042'`,
    );
    expect(n).toBe(1);
  });

  it('shows the account to its project, its bank, the administrator and inspectors of the region; to no one else', async () => {
    const get = (token: string) => t.http.get('/api/v1/wage-accounts/4100000000000001').set(bearer(token));
    for (const token of [projectKey, bankKey, t.env.ADMIN_API_KEY, inspectorToken(t, '350200')]) {
      const response = await get(token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        accountNumber: '4100000000000001',
        projectCode: 'P-ACC-1',
        bankCode: 'ICBC-XM',
        openedOn: '2026-01-10',
        status: 'OPEN',
        balance: '0.00',
        balanceFen: 0,
      });
    }
    for (const token of [otherProjectKey, otherBankKey, inspectorToken(t, '350100')]) {
      expect((await get(token)).status).toBe(404);
    }
  });
});
