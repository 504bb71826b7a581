import { Topics } from '@wage/contracts';
import { TopicReader, type TestApp } from '@wage/testing';
import {
  bearer,
  inspectorToken,
  registerBank,
  registerProject,
  startWageAccountApp,
} from '../testing/wage-account-fixtures';

describe('wage guarantee deposits (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let bankKey: string;
  let otherBankKey: string;
  let projectKey: string;
  let otherProjectKey: string;

  beforeAll(async () => {
    t = await startWageAccountApp();
    bankKey = await registerBank(t, 'ICBC-XM');
    otherBankKey = await registerBank(t, 'CCB-XM');
    projectKey = await registerProject(t, 'P-DEP-1', '350206');
    otherProjectKey = await registerProject(t, 'P-DEP-2', '350206');
  });
  afterAll(() => t.close());

  const record = (token: string, body: object) =>
    t.http.post('/api/v1/deposits').set(bearer(token)).send(body);
  const move = (token: string, id: string, body: object) =>
    t.http.post(`/api/v1/deposits/${id}/movements`).set(bearer(token)).send(body);
  const inForce = async (asOf: string, token = t.env.ADMIN_API_KEY) => {
    const response = await t.http
      .get('/api/v1/deposits')
      .query({ projectCode: 'P-DEP-1', asOf })
      .set(bearer(token));
    expect(response.status).toBe(200);
    return response.body.amountInForce as string;
  };

  it('records cash and a guarantee letter, their movements, and answers the amount in force on any date', async () => {
    const reader = await TopicReader.start(t.topic(Topics.account));
    try {
      const cash = await record(bankKey, {
        projectCode: 'P-DEP-1',
        form: 'CASH',
        amount: '100000.00',
        effectiveOn: '2026-03-01',
        reference: 'RCPT-1',
      });
      expect(cash.status).toBe(201);
      expect(cash.body).toMatchObject({ id: expect.any(String), amount: '100000.00', amountFen: 10_000_000 });
      // Issue 16: a project declared a letter of its own (until 2099) and DEPOSIT_SHORTFALL counted it. A
      // project's declaration names the bank holding it and counts only once that bank confirms it.
      const letterTerms = {
        projectCode: 'P-DEP-1',
        form: 'GUARANTEE',
        amount: '50000',
        effectiveOn: '2026-03-01',
        expiresOn: '2026-09-01',
        reference: 'LG-2026-7',
      };
      const withoutBank = await record(projectKey, letterTerms);
      expect(withoutBank.status).toBe(400);
      expect(withoutBank.body.details).toEqual([expect.objectContaining({ field: 'bankCode' })]);
      const letter = await record(projectKey, { ...letterTerms, bankCode: 'ICBC-XM' });
      expect(letter.status).toBe(201);
      expect(letter.body).toMatchObject({ confirmed: false, declaredByProject: true, bankCode: 'ICBC-XM' });
      expect(await inForce('2026-03-01')).toBe('100000.00'); // the letter does not count yet
      const confirm = (token: string) =>
        t.http.post(`/api/v1/deposits/${letter.body.id}/confirmation`).set(bearer(token)).send();
      expect((await confirm(projectKey)).status).toBe(403);
      expect((await confirm(otherBankKey)).status).toBe(404);
      const confirmed = await confirm(bankKey);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ id: letter.body.id, confirmed: true });
      expect((await confirm(bankKey)).body).toMatchObject({ confirmed: true }); // again: no change

      const drawdown = await move(bankKey, cash.body.id, {
        kind: 'DRAWDOWN',
        amount: '30000.00',
        occurredAt: '2026-04-10T10:00:00+08:00',
      });
      expect(drawdown.status).toBe(201);
      expect(drawdown.body).toMatchObject({ balance: '70000.00' });
      const tooMuch = await move(bankKey, cash.body.id, {
        kind: 'RELEASE',
        amount: '70000.01',
        occurredAt: '2026-04-11T10:00:00+08:00',
      });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.message).toContain('below zero');
      expect(
        (
          await move(t.env.ADMIN_API_KEY, cash.body.id, {
            kind: 'TOPUP',
            amount: '30000',
            occurredAt: '2026-04-20T10:00:00+08:00',
          })
        ).status,
      ).toBe(201);

      expect(await inForce('2026-02-28')).toBe('0.00');
      expect(await inForce('2026-03-01')).toBe('150000.00'); // 100,000 cash + 50,000 letter
      expect(await inForce('2026-04-15')).toBe('120000.00'); // after drawing 30,000
      expect(await inForce('2026-04-20')).toBe('150000.00'); // topped up
      expect(await inForce('2026-09-01')).toBe('150000.00'); // the letter's last valid day
      expect(await inForce('2026-09-02')).toBe('100000.00'); // the letter has expired
      expect(await inForce('2026-04-15', inspectorToken(t, '350200'))).toBe('120000.00');

      const messages = await reader.waitFor(
        (read) => read.filter((m) => m.value?.includes('DepositMovementRecorded')).length >= 2,
      );
      const events = messages.map((m) => JSON.parse(m.value!));
      expect(events.filter((e) => e.type === 'DepositRecorded').map((e) => e.data)).toEqual(
        expect.arrayContaining([
          {
            depositId: cash.body.id,
            projectCode: 'P-DEP-1',
            form: 'CASH',
            amountFen: 10_000_000,
            effectiveOn: '2026-03-01',
            reference: 'RCPT-1',
          },
          expect.objectContaining({ form: 'GUARANTEE', expiresOn: '2026-09-01', amountFen: 5_000_000 }),
        ]),
      );
      expect(events.filter((e) => e.type === 'DepositMovementRecorded').map((e) => e.data)).toEqual([
        {
          depositId: cash.body.id,
          kind: 'DRAWDOWN',
          amountFen: 3_000_000,
          occurredAt: '2026-04-10T02:00:00.000Z',
        },
        {
          depositId: cash.body.id,
          kind: 'TOPUP',
          amountFen: 3_000_000,
          occurredAt: '2026-04-20T02:00:00.000Z',
        },
      ]);
    } finally {
      await reader.stop();
    }
  });

  // Found by the attack pass (totals past 2^53 fen): top-ups had no bound, so a deposit's balance could leave the
  // exact range of a number. A deposit holds at most 1000亿元; past it, a 422 on the amount.
  it('refuses a top-up that takes the deposit past the largest amount, with 422 on the amount', async () => {
    const cash = await record(bankKey, {
      projectCode: 'P-DEP-2',
      form: 'CASH',
      amount: '99999999999.00',
      effectiveOn: '2026-03-01',
    });
    expect(cash.status).toBe(201);
    const topUp = (amount: string) =>
      move(bankKey, cash.body.id, { kind: 'TOPUP', amount, occurredAt: '2026-04-01T10:00:00+08:00' });
    const beyond = await topUp('1.01');
    expect(beyond.status).toBe(422);
    expect(beyond.body).toMatchObject({
      error: 'INVALID_MOVEMENT',
      details: [{ field: 'amount', code: 'DEPOSIT_TOO_LARGE', message: expect.stringContaining('上限') }],
    });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM wage_account.deposit_movements WHERE deposit_id = $1`,
      [cash.body.id],
    );
    expect(n).toBe(0);
    const reaching = await topUp('1.00');
    expect(reaching.status).toBe(201);
    expect(reaching.body).toMatchObject({ balance: '100000000000.00' });
  });

  it('checks the terms and who may record and see deposits', async () => {
    const noExpiry = await record(bankKey, {
      projectCode: 'P-DEP-1',
      form: 'GUARANTEE',
      amount: '1',
      effectiveOn: '2026-03-01',
    });
    expect(noExpiry.status).toBe(400);
    expect(noExpiry.body.message).toContain('expiresOn');
    const forOther = await record(otherProjectKey, {
      projectCode: 'P-DEP-1',
      form: 'CASH',
      amount: '1',
      effectiveOn: '2026-03-01',
    });
    expect(forOther.status).toBe(403);
    const unknown = await record(bankKey, {
      projectCode: 'P-NONE',
      form: 'CASH',
      amount: '1',
      effectiveOn: '2026-03-01',
    });
    expect(unknown.status).toBe(422);
    // Issue 16: deposits dated 2099 were taken as they came.
    const farAhead = await record(bankKey, {
      projectCode: 'P-DEP-1',
      form: 'CASH',
      amount: '1',
      effectiveOn: '2099-01-01',
    });
    expect(farAhead.status).toBe(400);
    expect(farAhead.body.details).toEqual([expect.objectContaining({ code: 'TOO_FAR_AHEAD' })]);
    const centuryLetter = await record(bankKey, {
      projectCode: 'P-DEP-1',
      form: 'GUARANTEE',
      amount: '1',
      effectiveOn: '2026-03-01',
      expiresOn: '2099-12-31',
    });
    expect(centuryLetter.status).toBe(400);
    expect(centuryLetter.body.message).toContain('10 years');
    // The administrator records no deposit: only the bank holding it, or the project declaring it.
    expect(
      (
        await record(t.env.ADMIN_API_KEY, {
          projectCode: 'P-DEP-1',
          form: 'CASH',
          amount: '1',
          effectiveOn: '2026-03-01',
        })
      ).status,
    ).toBe(403);

    const [cash] = (
      await t.http.get('/api/v1/deposits').query({ projectCode: 'P-DEP-1' }).set(bearer(bankKey))
    ).body.deposits;
    // Only the bank holding the deposit (and the administrator) records its movements.
    const otherBank = await move(otherBankKey, cash.id, {
      kind: 'DRAWDOWN',
      amount: '1',
      occurredAt: '2026-04-12T10:00:00+08:00',
    });
    expect(otherBank.status).toBe(404);
    expect(
      (
        await move(projectKey, cash.id, {
          kind: 'TOPUP',
          amount: '1',
          occurredAt: '2026-04-12T10:00:00+08:00',
        })
      ).status,
    ).toBe(403);
    const otherProject = await t.http
      .get('/api/v1/deposits')
      .query({ projectCode: 'P-DEP-1' })
      .set(bearer(otherProjectKey));
    expect(otherProject.status).toBe(404);
  });
});
