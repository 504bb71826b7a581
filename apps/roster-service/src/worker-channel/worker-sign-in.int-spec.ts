import { startSmsCatcher, type SmsCatcher, type TestApp } from '@wage/testing';
import { verifyAccessToken } from '@wage/platform';
import {
  bearer,
  identityNumber,
  registerProject,
  rosterTablesAsText,
  startRosterService,
  worker,
} from '../testing/roster-test-kit';

/** The 6-digit code of the newest SMS to this phone. */
async function codeSentTo(catcher: SmsCatcher, phone: string): Promise<string | undefined> {
  const [latest] = await catcher.messages(phone);
  return latest && /(\d{6})/.exec(latest.text)?.[1];
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe("workers' sign-in by SMS code (real PostgreSQL, Redis and an SMS catcher)", () => {
  let service: TestApp;
  let catcher: SmsCatcher;
  const onRoll = worker(1);
  const second = worker(2);

  beforeAll(async () => {
    catcher = await startSmsCatcher('the-sms-secret-of-this-test-file');
    service = await startRosterService({
      SMS_PROVIDER_URL: catcher.providerUrl,
      SMS_API_SECRET: 'the-sms-secret-of-this-test-file',
    });
    const key = await registerProject(service, 'XM-SIGN-1');
    const put = await service.http
      .put('/api/v1/projects/XM-SIGN-1/workers')
      .set(bearer(key))
      .send({ workers: [onRoll, second, worker(3), worker(4), worker(5)] });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await service.close();
    await catcher.stop();
  });

  const askCode = (idNumber: string, phone: string) =>
    service.http.post('/api/v1/worker/codes').send({ idNumber, phone });
  const signIn = (idNumber: string, phone: string, code: string) =>
    service.http.post('/api/v1/worker/sessions').send({ idNumber, phone, code });

  it('sends a code to the phone on the roll and signs the worker in with it, once', async () => {
    const asked = await askCode(onRoll.idNumber, onRoll.phone);
    expect(asked.status).toBe(202);
    await settle();
    const code = await codeSentTo(catcher, onRoll.phone);
    expect(code).toMatch(/^\d{6}$/);

    const session = await signIn(onRoll.idNumber, onRoll.phone, code!);
    expect(session.status).toBe(200);
    expect(session.body.expiresIn).toBe(1800);
    const verified = verifyAccessToken(session.body.accessToken, service.env.JWT_SECRET);
    expect(verified.ok && verified.claims).toMatchObject({ role: 'WORKER' });
    expect(session.body.accessToken).not.toContain(onRoll.idNumber);

    // Used once: the same code again is refused.
    expect((await signIn(onRoll.idNumber, onRoll.phone, code!)).body.error).toBe('CODE_INVALID');
  });

  it('answers an identity on no roll and a phone not on the roll exactly as a known pair, and sends nothing', async () => {
    const stranger = identityNumber('1990-01-01', 77);
    const known = await askCode(second.idNumber, second.phone);
    const unknown = await askCode(stranger, '13999999999');
    const wrongPhone = await askCode(second.idNumber, '13999999998');
    for (const answer of [unknown, wrongPhone]) {
      expect(answer.status).toBe(known.status);
      expect(answer.body).toEqual(known.body);
    }
    await settle();
    expect(await catcher.messages('13999999999')).toEqual([]);
    expect(await catcher.messages('13999999998')).toEqual([]);
    expect(await catcher.messages(second.phone)).toHaveLength(1);
    // A code for another identity does not open this one.
    const code = await codeSentTo(catcher, second.phone);
    expect((await signIn(stranger, '13999999999', code!)).status).toBe(401);
  });

  it('locks sign-in after 5 wrong codes, even for the right code, the same for an unknown identity', async () => {
    const third = worker(3);
    await askCode(third.idNumber, third.phone);
    await settle();
    const code = (await codeSentTo(catcher, third.phone))!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await signIn(third.idNumber, third.phone, wrong)).body.error).toBe('CODE_INVALID');
    }
    const locked = await signIn(third.idNumber, third.phone, code);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('WORKER_SIGN_IN_LOCKED');
    expect(locked.body.message).toMatch(/分钟后/);

    const stranger = identityNumber('1991-02-02', 78);
    for (let attempt = 1; attempt <= 5; attempt += 1) await signIn(stranger, '13999999997', wrong);
    expect((await signIn(stranger, '13999999997', wrong)).body.error).toBe('WORKER_SIGN_IN_LOCKED');
  });

  it('limits code requests per identity number and per phone (the same for a known and an unknown one)', async () => {
    const fourth = worker(4);
    const stranger = identityNumber('1992-03-03', 79);
    for (let request = 1; request <= 5; request += 1) {
      expect((await askCode(fourth.idNumber, fourth.phone)).status).toBe(202);
      expect((await askCode(stranger, '13999999996')).status).toBe(202);
    }
    const known = await askCode(fourth.idNumber, fourth.phone);
    const unknown = await askCode(stranger, '13999999996');
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(unknown.body.error).toBe(known.body.error);
    // The phone counts on its own: another identity with that phone is limited too.
    expect((await askCode(identityNumber('1993-04-04', 80), fourth.phone)).status).toBe(429);
  });

  it('refuses malformed numbers with a message saying what to fix', async () => {
    const answer = await askCode('12345', '999');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('identity number');
    // A mistyped last character is told at once; it says nothing about any roll.
    const mistyped = onRoll.idNumber.slice(0, 17) + (onRoll.idNumber.endsWith('1') ? '2' : '1');
    const refused = await askCode(mistyped, onRoll.phone);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('does not match the first 17');
  });

  it('keeps no code, identity or phone number in clear in the database', async () => {
    await askCode(worker(5).idNumber, worker(5).phone);
    await settle();
    const code = (await codeSentTo(catcher, worker(5).phone))!;
    const dump = await rosterTablesAsText(service);
    expect(dump).not.toContain(worker(5).idNumber);
    expect(dump).not.toContain(worker(5).phone);
    expect(dump).not.toContain(code);
  });
});
