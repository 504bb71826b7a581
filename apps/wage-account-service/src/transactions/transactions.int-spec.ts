import { Topics } from '@wage/contracts';
import { BlindIndex, PersonalDataCipher } from '@wage/platform';
import { TopicReader, type ReadMessage, type TestApp } from '@wage/testing';
import {
  admin,
  appropriation,
  bearer,
  identityNumber,
  inspectorToken,
  openAccount,
  registerBank,
  registerProject,
  startWageAccountApp,
  transaction,
} from '../testing/wage-account-fixtures';

const ACCOUNT = '6100000000000001';
const OTHER_ACCOUNT = '6200000000000002';
/** Opened on 2026-01-10, for the cash withdrawals and the bank's statements. */
const FEED_ACCOUNT = '6100000000000003';
const CARD = '6222020200112233445';
/** An account whose feed misses a credit. */
const GAP_ACCOUNT = '6100000000000004';
/** An account that receives the largest amounts. */
const BIG_ACCOUNT = '6100000000000005';

describe('recording bank transactions (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let reader: TopicReader;
  let bankKey: string;
  let otherBankKey: string;
  let projectKey: string;
  let otherProjectKey: string;
  let feedProjectKey: string;

  beforeAll(async () => {
    t = await startWageAccountApp({ ACCOUNT_BATCH_CAP: '50' });
    reader = await TopicReader.start(t.topic(Topics.account));
    bankKey = await registerBank(t, 'ICBC-XM');
    otherBankKey = await registerBank(t, 'CCB-XM');
    projectKey = await registerProject(t, 'P-TX-1');
    otherProjectKey = await registerProject(t, 'P-TX-2');
    feedProjectKey = await registerProject(t, 'P-TX-3');
    await openAccount(t, { projectCode: 'P-TX-1', bankCode: 'ICBC-XM', accountNumber: ACCOUNT });
    await openAccount(t, { projectCode: 'P-TX-2', bankCode: 'CCB-XM', accountNumber: OTHER_ACCOUNT });
    await openAccount(t, { projectCode: 'P-TX-3', bankCode: 'ICBC-XM', accountNumber: FEED_ACCOUNT });
  });
  afterAll(async () => {
    await reader.stop();
    await t.close();
  });

  const post = (token: string, rows: unknown[], account = ACCOUNT) =>
    t.http
      .post(`/api/v1/wage-accounts/${account}/transactions`)
      .set(bearer(token))
      .send({ transactions: rows });
  const balanceOf = async (account: string, asOf?: string) => {
    const response = await t.http
      .get(`/api/v1/wage-accounts/${account}`)
      .query(asOf ? { asOf } : {})
      .set(admin(t));
    expect(response.status).toBe(200);
    return response.body.balance as string;
  };
  const storedSerials = async (account = ACCOUNT): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT serial_no FROM wage_account.transactions WHERE account_number = $1 ORDER BY serial_no`,
        [account],
      )
    ).map((row: { serial_no: string }) => row.serial_no);
  const recordedEvents = (messages: ReadMessage[], account = ACCOUNT) =>
    messages
      .map((m) => JSON.parse(m.value!))
      .filter((e) => e.type === 'TransactionRecorded' && e.data.accountNumber === account);
  const waitForEventOf = (serialNo: string) =>
    reader.waitFor((messages) => recordedEvents(messages).some((e) => e.data.serialNo === serialNo));

  it('accepts an identical resend without counting or publishing it twice', async () => {
    const batch = [
      appropriation('S1', '10000.00', '2026-03-01T09:00:00+08:00'),
      transaction('S2', { amount: '100.00' }),
      transaction('S3', { amount: '200.00' }),
    ];
    const first = await post(bankKey, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      accountNumber: ACCOUNT,
      accepted: 3,
      recorded: 3,
      duplicates: 0,
      balance: '9700.00',
      balanceFen: 970_000,
      statementThrough: null,
      dataQuality: [],
    });

    // The bank resends the batch with one new fee, then reports a payroll twice in one batch.
    const resent = await post(bankKey, [
      ...batch,
      transaction('S4', { kind: 'FEE', amount: '1.00', payrollMonth: undefined }),
    ]);
    expect(resent.body).toMatchObject({ accepted: 4, recorded: 1, duplicates: 3, balance: '9699.00' });
    const twice = await post(bankKey, [
      transaction('S5', { amount: '50.00' }),
      transaction('S5', { amount: '50.00' }),
    ]);
    expect(twice.body).toMatchObject({ accepted: 2, recorded: 1, duplicates: 1, balance: '9649.00' });

    expect(await storedSerials()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(await balanceOf(ACCOUNT)).toBe('9649.00');
    // S5's event was written after every event the resends could have produced: once it is read, all of them are.
    const events = recordedEvents(await waitForEventOf('S5'));
    expect(events.map((e) => e.data.serialNo).sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(events.every((e) => e.projectCode === 'P-TX-1')).toBe(true);
  });

  it('refuses a different transaction under a used serial with 409 naming it, storing and publishing nothing of the batch', async () => {
    const response = await post(bankKey, [transaction('S6'), transaction('S2', { amount: '150.00' })]);
    expect(response.status).toBe(409);
    expect(response.body.error).toBe('SERIAL_CONFLICT');
    expect(response.body.message).toContain('serial number S2');
    expect(response.body.message).toContain('amount');
    expect(response.body.details).toEqual([expect.objectContaining({ serialNo: 'S2' })]);
    expect(await storedSerials()).not.toContain('S6');
    expect(await balanceOf(ACCOUNT)).toBe('9649.00');
  });

  it('rejects a batch with any invalid row whole, with row errors that never repeat a number', async () => {
    const valid = identityNumber();
    const badId = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'); // a wrong check digit
    const response = await post(bankKey, [
      transaction('S7'),
      transaction('S8', { direction: 'CREDIT' }),
      transaction('S9', { amount: '-5' }),
      transaction('S10', { occurredAt: '2026-03-10T10:00:00' }),
      transaction('S11', { kind: 'FEE', payrollMonth: '2026-02' }),
      transaction('S12', { counterparty: { name: 'Li Si', accountNumber: CARD, idNumber: badId } }),
      transaction('S7', { amount: '999.00' }),
      { serialNo: 'S13' },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('INVALID_ROWS');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, field: 'direction', code: 'DIRECTION_MISMATCH' }),
        expect.objectContaining({ index: 2, field: 'amount', code: 'INVALID_AMOUNT' }),
        expect.objectContaining({ index: 3, field: 'occurredAt', code: 'INVALID_INSTANT' }),
        expect.objectContaining({ index: 4, field: 'payrollMonth', code: 'PAYROLL_MONTH_NOT_ALLOWED' }),
        expect.objectContaining({ index: 5, field: 'counterparty.idNumber', code: 'INVALID_ID_NUMBER' }),
        expect.objectContaining({ index: 6, field: 'serialNo', code: 'DUPLICATE_SERIAL' }),
        expect.objectContaining({ index: 7, field: 'amount', code: 'REQUIRED' }),
      ]),
    );
    expect(response.body.details.some((d: { index: number }) => d.index === 0)).toBe(false);
    expect(JSON.stringify(response.body)).not.toContain(badId);
    expect(JSON.stringify(response.body)).not.toContain(CARD);
    expect(await storedSerials()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);

    // Nothing of the rejected batches reaches Kafka: by the time a later transaction is published, none of theirs was.
    expect((await post(bankKey, [transaction('S20', { amount: '1.00' })])).status).toBe(200);
    const serials = recordedEvents(await waitForEventOf('S20')).map((e) => e.data.serialNo);
    for (const rejected of ['S6', 'S7', 'S8', 'S13']) expect(serials).not.toContain(rejected);
    const outbox = await t.dataSource.query(
      `SELECT payload FROM wage_account.outbox_events WHERE type = 'TransactionRecorded'`,
    );
    expect(outbox).toHaveLength(6);
  });

  it('derives the balance from every transaction by when it occurred, whatever order the bank delivered them in', async () => {
    // Delivered first: a payroll on 20 March and a fee on 25 March, before the money that paid for them.
    const late = await post(
      otherBankKey,
      [
        transaction('B-3', { occurredAt: '2026-03-20T10:00:00+08:00', amount: '3000.00' }),
        transaction('B-5', {
          kind: 'FEE',
          occurredAt: '2026-03-25T10:00:00+08:00',
          amount: '10.00',
          payrollMonth: undefined,
        }),
      ],
      OTHER_ACCOUNT,
    );
    expect(late.body.balance).toBe('-3010.00');
    // Delivered afterwards, shuffled: the appropriations of 5 and 22 March.
    const early = await post(
      otherBankKey,
      [
        appropriation('B-4', '1000.00', '2026-03-22T09:00:00+08:00'),
        appropriation('B-1', '5000.00', '2026-03-05T09:00:00+08:00'),
      ],
      OTHER_ACCOUNT,
    );
    // 5000 − 3000 + 1000 − 10
    expect(early.body.balance).toBe('2990.00');
    expect(await balanceOf(OTHER_ACCOUNT)).toBe('2990.00');
    expect(await balanceOf(OTHER_ACCOUNT, '2026-03-04T23:59:59+08:00')).toBe('0.00');
    expect(await balanceOf(OTHER_ACCOUNT, '2026-03-21T00:00:00+08:00')).toBe('2000.00'); // 5000 − 3000
    expect(await balanceOf(OTHER_ACCOUNT, '2026-03-22T09:00:00+08:00')).toBe('3000.00'); // + 1000
    expect(await balanceOf(OTHER_ACCOUNT, '2026-03-22T01:00:00Z')).toBe('3000.00'); // the same instant in UTC
  });

  it('lets a bank reach only the accounts it holds, and no project or administrator report transactions', async () => {
    const before = await storedSerials();
    const refused = await post(otherBankKey, [transaction('X-1')]);
    expect(refused.status).toBe(404);
    expect(refused.body.message).toContain(ACCOUNT);
    for (const token of [otherBankKey, otherProjectKey])
      expect((await t.http.get(`/api/v1/wage-accounts/${ACCOUNT}`).set(bearer(token))).status).toBe(404);
    // The monitored party never certifies itself: found by issue 16, a project posted an appropriation and payroll
    // to its own account (200, recorded 3) and its arrears cleared. Payments come from the bank only.
    const ownProject = await post(projectKey, [
      appropriation('PX-1', '90000.00', '2026-03-01T09:00:00+08:00'),
      transaction('PX-2'),
      transaction('PX-3'),
    ]);
    expect(ownProject.status).toBe(403);
    expect(ownProject.body).toMatchObject({ error: 'FORBIDDEN', message: expect.stringContaining('bank') });
    // Neither inspectors nor the platform's administrator report what a bank booked.
    expect((await post(inspectorToken(t, '350206'), [transaction('X-1')])).status).toBe(403);
    expect((await post(t.env.ADMIN_API_KEY, [transaction('ADM-1', { amount: '1.00' })])).status).toBe(403);
    expect(await storedSerials()).toEqual(before);
    // The project still reads its account.
    expect((await t.http.get(`/api/v1/wage-accounts/${ACCOUNT}`).set(bearer(projectKey))).status).toBe(200);
  });

  it('refuses transactions dated before the account was opened or with an offset no zone has', async () => {
    const before = await storedSerials();
    const response = await post(bankKey, [
      transaction('OP-1', { occurredAt: '1970-01-01T00:00:00Z' }),
      transaction('OP-2', { occurredAt: '2026-03-10T10:00:00+15:00' }),
    ]);
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      expect.objectContaining({ index: 0, field: 'occurredAt', code: 'BEFORE_ACCOUNT_OPENED' }),
      expect.objectContaining({ index: 1, field: 'occurredAt', code: 'INVALID_INSTANT' }),
    ]);
    expect(await storedSerials()).toEqual(before);
  });

  // Issue 16: debits taking the balance below zero were taken silently. What the bank says is accepted; the gap
  // in its feed is flagged on the account.
  it('accepts debits beyond the balance as reported and flags the gap on the account', async () => {
    await registerProject(t, 'P-TX-4');
    await openAccount(t, { projectCode: 'P-TX-4', bankCode: 'ICBC-XM', accountNumber: GAP_ACCOUNT });
    const funded = await post(
      bankKey,
      [appropriation('GAP-1', '1000.00', '2026-03-01T09:00:00+08:00')],
      GAP_ACCOUNT,
    );
    expect(funded.body.dataQuality).toEqual([]);
    // 1,000 in, then 1,500 out on 10 March: 500 below zero.
    const overdrawn = await post(bankKey, [transaction('GAP-2', { amount: '1500.00' })], GAP_ACCOUNT);
    expect(overdrawn.status).toBe(200);
    expect(overdrawn.body).toMatchObject({
      recorded: 1,
      balance: '-500.00',
      dataQuality: [
        { code: 'BALANCE_BELOW_ZERO', since: '2026-03-10T02:00:00.000Z', lowestBalance: '-500.00' },
      ],
    });
    const shown = await t.http.get(`/api/v1/wage-accounts/${GAP_ACCOUNT}`).set(bearer(bankKey));
    expect(shown.body.dataQuality).toEqual([expect.objectContaining({ code: 'BALANCE_BELOW_ZERO' })]);
    // The missing credit arrives, dated before the debit: the gap is gone.
    const filled = await post(
      bankKey,
      [appropriation('GAP-3', '600.00', '2026-03-05T09:00:00+08:00')],
      GAP_ACCOUNT,
    );
    expect(filled.body).toMatchObject({ balance: '100.00', dataQuality: [] });
  });

  // Found by the attack pass: credits past 2^53 fen made a balance no number holds exactly, answered as a 400.
  // Each amount is at most 1000亿元 and an account's credits (or debits) total at most 1万亿元: a row-level 422.
  it('refuses, row by row with 422, transactions that take the account past its total and stores none of the batch', async () => {
    await registerProject(t, 'P-TX-5');
    await openAccount(t, { projectCode: 'P-TX-5', bankCode: 'ICBC-XM', accountNumber: BIG_ACCOUNT });
    const largest = (serial: string) => appropriation(serial, '100000000000.00', '2026-03-01T09:00:00+08:00');
    // Nine of the largest amount: 9000亿元, within the bound.
    const nine = await post(
      bankKey,
      Array.from({ length: 9 }, (_, i) => largest(`BIG-${i}`)),
      BIG_ACCOUNT,
    );
    expect(nine.status).toBe(200);
    expect(nine.body.balance).toBe('900000000000.00');
    // A resend of the nine counts nothing and passes; the 10th reaches 1万亿元 exactly; the 11th and 12th cross it.
    const response = await post(
      bankKey,
      [
        transaction('BIG-D', { amount: '1.00' }),
        ...Array.from({ length: 9 }, (_, i) => largest(`BIG-${i}`)),
        largest('BIG-9'),
        largest('BIG-10'),
        appropriation('BIG-11', '0.01', '2026-03-02T09:00:00+08:00'),
      ],
      BIG_ACCOUNT,
    );
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('INVALID_ROWS');
    expect(response.body.details).toEqual([
      {
        index: 11,
        field: 'amount',
        code: 'ACCOUNT_TOTAL_TOO_LARGE',
        message: expect.stringContaining('累计收入超过'),
      },
      {
        index: 12,
        field: 'amount',
        code: 'ACCOUNT_TOTAL_TOO_LARGE',
        message: expect.stringContaining('1000000000000.00 元'),
      },
    ]);
    expect((await storedSerials(BIG_ACCOUNT)).length).toBe(9);
    expect(await balanceOf(BIG_ACCOUNT)).toBe('900000000000.00');
    // Without the rows that cross it the batch is taken, and the balance is answered exactly.
    const within = await post(
      bankKey,
      [transaction('BIG-D', { amount: '1.00' }), largest('BIG-9')],
      BIG_ACCOUNT,
    );
    expect(within.status).toBe(200);
    expect(within.body).toMatchObject({ balance: '999999999999.00', balanceFen: 99_999_999_999_900 });
  });

  it('refuses a batch above the cap with 413', async () => {
    const rows = Array.from({ length: 51 }, (_, i) => transaction(`CAP-${i}`));
    const response = await post(bankKey, rows);
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('BATCH_TOO_LARGE');
    expect(await storedSerials()).not.toContain('CAP-0');
  });

  it('answers a repeated Idempotency-Key with the first answer and refuses it for another body', async () => {
    const send = (rows: unknown[]) =>
      t.http
        .post(`/api/v1/wage-accounts/${ACCOUNT}/transactions`)
        .set(bearer(bankKey))
        .set('Idempotency-Key', 'batch-2026-03-31')
        .send({ transactions: rows });
    const first = await send([transaction('IK-1', { amount: '5.00' })]);
    expect(first.status).toBe(200);
    const again = await send([transaction('IK-1', { amount: '5.00' })]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await send([transaction('IK-2')]);
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await storedSerials()).not.toContain('IK-2');
  });

  it('keeps counterparty numbers only encrypted, with the blind index roster-service uses; events carry hash and mask', async () => {
    const id = identityNumber('19900101', '456');
    expect(
      (
        await post(bankKey, [
          transaction('PII-1', { counterparty: { name: 'Wang Wu', accountNumber: CARD, idNumber: id } }),
        ])
      ).status,
    ).toBe(200);
    const everything = JSON.stringify(
      await t.dataSource.query(
        `SELECT (SELECT json_agg(t) FROM wage_account.transactions t) AS transactions,
                (SELECT json_agg(o) FROM wage_account.outbox_events o) AS outbox`,
      ),
    );
    expect(everything).not.toContain(CARD);
    expect(everything).not.toContain(id);

    const blindIndex = t.app.get(BlindIndex);
    const [row] = await t.dataSource.query(
      `SELECT counterparty_account_cipher, counterparty_account_hash, counterparty_id_cipher, counterparty_id_hash
       FROM wage_account.transactions WHERE serial_no = 'PII-1'`,
    );
    expect(t.app.get(PersonalDataCipher).decrypt(row.counterparty_account_cipher)).toBe(CARD);
    expect(t.app.get(PersonalDataCipher).decrypt(row.counterparty_id_cipher)).toBe(id);
    expect(row.counterparty_account_hash).toBe(blindIndex.hash('card', CARD));
    expect(row.counterparty_id_hash).toBe(blindIndex.hash('id', id));

    const [event] = recordedEvents(await waitForEventOf('PII-1')).filter((e) => e.data.serialNo === 'PII-1');
    expect(event.data.counterparty).toEqual({
      name: 'Wang Wu',
      accountHash: blindIndex.hash('card', CARD),
      accountMasked: '6222***********3445',
      idHash: blindIndex.hash('id', id),
      idMasked: `${id.slice(0, 6)}********${id.slice(-4)}`,
    });
  });

  describe('cash withdrawals and statements of completeness', () => {
    const send = (token: string, body: object) =>
      t.http.post(`/api/v1/wage-accounts/${FEED_ACCOUNT}/transactions`).set(bearer(token)).send(body);
    const accountEvents = (messages: ReadMessage[]) =>
      messages.map((m) => JSON.parse(m.value!)).filter((e) => e.data.accountNumber === FEED_ACCOUNT);
    const statementsPublished = (messages: ReadMessage[]) =>
      accountEvents(messages)
        .filter((e) => e.type === 'AccountStatementReported')
        .map((e) => e.data.statementThrough as string);
    const statementThroughShown = async () => {
      const response = await t.http.get(`/api/v1/wage-accounts/${FEED_ACCOUNT}`).set(bearer(bankKey));
      expect(response.status).toBe(200);
      return response.body.statementThrough as string | null;
    };
    // 现金支取: cash taken at the counter has no counterparty account.
    const cash = (serialNo: string, more: Record<string, unknown> = {}) =>
      transaction(serialNo, {
        kind: 'WITHDRAWAL',
        amount: '2000.00',
        payrollMonth: undefined,
        counterparty: { name: '现金支取' },
        ...more,
      });

    it('records a cash withdrawal without counterparty account, and refuses a transfer without one whole', async () => {
      const refused = await send(bankKey, {
        transactions: [
          appropriation('CW-0', '50000.00', '2026-03-01T09:00:00+08:00'),
          cash('CW-1'),
          transaction('CW-2', {
            kind: 'FEE',
            amount: '5.00',
            payrollMonth: undefined,
            counterparty: { name: 'ICBC' },
          }),
          transaction('CW-3', {
            kind: 'TRANSFER',
            payrollMonth: undefined,
            counterparty: { name: '某建材有限公司' },
          }),
        ],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('INVALID_ROWS');
      expect(refused.body.details).toEqual([
        {
          index: 3,
          field: 'counterparty.accountNumber',
          code: 'REQUIRED',
          message: expect.stringContaining(
            'only a cash WITHDRAWAL at the counter or a bank FEE may leave it out',
          ),
        },
      ]);
      expect(await storedSerials(FEED_ACCOUNT)).toEqual([]);

      const batch = [
        appropriation('CW-0', '50000.00', '2026-03-01T09:00:00+08:00'),
        cash('CW-1'),
        transaction('CW-2', {
          kind: 'FEE',
          amount: '5.00',
          payrollMonth: undefined,
          counterparty: { name: 'ICBC' },
        }),
      ];
      const recorded = await send(bankKey, { transactions: batch });
      expect(recorded.status).toBe(200);
      // 50,000 − 2,000 − 5
      expect(recorded.body).toMatchObject({ recorded: 3, duplicates: 0, balance: '47995.00' });
      expect(
        await t.dataSource.query(
          `SELECT serial_no, counterparty_name, counterparty_account_cipher, counterparty_account_hash,
                  counterparty_account_masked
           FROM wage_account.transactions WHERE account_number = $1 AND serial_no IN ('CW-1', 'CW-2')
           ORDER BY serial_no`,
          [FEED_ACCOUNT],
        ),
      ).toEqual([
        {
          serial_no: 'CW-1',
          counterparty_name: '现金支取',
          counterparty_account_cipher: null,
          counterparty_account_hash: null,
          counterparty_account_masked: null,
        },
        {
          serial_no: 'CW-2',
          counterparty_name: 'ICBC',
          counterparty_account_cipher: null,
          counterparty_account_hash: null,
          counterparty_account_masked: null,
        },
      ]);

      // Still idempotent by serial: the same withdrawal again is a duplicate, one with an account a conflict.
      const resent = await send(bankKey, { transactions: [cash('CW-1')] });
      expect(resent.body).toMatchObject({ recorded: 0, duplicates: 1, balance: '47995.00' });
      const changed = await send(bankKey, {
        transactions: [cash('CW-1', { counterparty: { name: '现金支取', accountNumber: CARD } })],
      });
      expect(changed.status).toBe(409);
      expect(changed.body.details).toEqual([
        expect.objectContaining({
          serialNo: 'CW-1',
          message: expect.stringContaining('counterparty.accountNumber'),
        }),
      ]);

      const events = accountEvents(
        await reader.waitFor((messages) => accountEvents(messages).some((e) => e.data.serialNo === 'CW-2')),
      ).filter((e) => e.type === 'TransactionRecorded');
      expect(events.map((e) => e.data.serialNo)).toEqual(['CW-0', 'CW-1', 'CW-2']);
      expect(events[1].data).toMatchObject({ kind: 'WITHDRAWAL', direction: 'DEBIT', amountFen: 200_000 });
      expect(events[1].data.counterparty).toEqual({ name: '现金支取' });
      expect(events[2].data.counterparty).toEqual({ name: 'ICBC' });
    });

    it("stores the bank's statementThrough, publishes it once when it advances, and never moves it back", async () => {
      expect(await statementThroughShown()).toBeNull();
      const body = {
        transactions: [cash('ST-1', { occurredAt: '2026-03-31T16:00:00+08:00' })],
        statementThrough: '2026-03-31T23:59:59+08:00',
      };
      const first = await send(bankKey, body);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ recorded: 1, statementThrough: '2026-03-31T15:59:59.000Z' });
      expect(await statementThroughShown()).toBe('2026-03-31T15:59:59.000Z');

      // The bank resends the batch: nothing recorded, nothing published again.
      const resent = await send(bankKey, body);
      expect(resent.body).toMatchObject({
        recorded: 0,
        duplicates: 1,
        statementThrough: '2026-03-31T15:59:59.000Z',
      });
      // An older statement is accepted and changes nothing.
      const older = await send(bankKey, { transactions: [], statementThrough: '2026-03-15T00:00:00+08:00' });
      expect(older.status).toBe(200);
      expect(older.body).toMatchObject({
        accepted: 0,
        recorded: 0,
        statementThrough: '2026-03-31T15:59:59.000Z',
      });
      expect(await statementThroughShown()).toBe('2026-03-31T15:59:59.000Z');

      // "Nothing more through the end of April": no transactions, the statement moves on.
      const nothingMore = await send(bankKey, {
        transactions: [],
        statementThrough: '2026-04-30T23:59:59+08:00',
      });
      expect(nothingMore.status).toBe(200);
      expect(nothingMore.body).toMatchObject({
        accepted: 0,
        recorded: 0,
        balance: '45995.00',
        statementThrough: '2026-04-30T15:59:59.000Z',
      });
      expect(await statementThroughShown()).toBe('2026-04-30T15:59:59.000Z');

      // The April statement was written after everything else: once it is read, every earlier event is.
      const messages = await reader.waitFor((read) =>
        statementsPublished(read).includes('2026-04-30T15:59:59.000Z'),
      );
      expect(statementsPublished(messages)).toEqual(['2026-03-31T15:59:59.000Z', '2026-04-30T15:59:59.000Z']);
      const march = accountEvents(messages).find((e) => e.type === 'AccountStatementReported');
      expect(march.projectCode).toBe('P-TX-3');
      // The statement follows the transactions of its batch.
      const order = accountEvents(messages).map((e) => e.data.serialNo ?? e.data.statementThrough);
      expect(order.indexOf('ST-1')).toBeLessThan(order.indexOf('2026-03-31T15:59:59.000Z'));
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM wage_account.outbox_events WHERE type = 'AccountStatementReported'`,
      );
      expect(n).toBe(2);
    });

    it('refuses a statementThrough in the future, before the account was opened, or from the project', async () => {
      const withCash = (statementThrough: string) => ({ transactions: [cash('RF-1')], statementThrough });
      const future = await send(bankKey, withCash(new Date(Date.now() + 5 * 60_000).toISOString()));
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({
        error: 'INVALID_STATEMENT_THROUGH',
        message: expect.stringContaining('is in the future'),
        details: [expect.objectContaining({ field: 'statementThrough', code: 'STATEMENT_IN_FUTURE' })],
      });
      // The account was opened on 10 January 2026 (Shanghai); the evening before is too early.
      const beforeOpening = await send(bankKey, withCash('2026-01-09T23:59:59+08:00'));
      expect(beforeOpening.status).toBe(422);
      expect(beforeOpening.body.details).toEqual([
        expect.objectContaining({ field: 'statementThrough', code: 'STATEMENT_BEFORE_OPENING' }),
      ]);
      expect(beforeOpening.body.message).toContain('2026-01-10');
      // The monitored party never certifies itself: a project reports neither transactions nor completeness.
      const fromProject = await send(feedProjectKey, withCash('2026-05-31T23:59:59+08:00'));
      expect(fromProject.status).toBe(403);
      // An empty batch says nothing unless it states completeness.
      const empty = await send(bankKey, { transactions: [] });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toContain('statementThrough');

      expect(await storedSerials(FEED_ACCOUNT)).not.toContain('RF-1');
      expect(await statementThroughShown()).toBe('2026-04-30T15:59:59.000Z');

      // A bank's clock a little ahead of ours is not a mistake.
      const justAhead = new Date(Date.now() + 20_000);
      const skewed = await send(bankKey, withCash(justAhead.toISOString()));
      expect(skewed.status).toBe(200);
      expect(skewed.body.statementThrough).toBe(justAhead.toISOString());
    });
  });
});
