import { randomUUID } from 'node:crypto';
import { Topics, type ProjectRegistered } from '@wage/contracts';
import { identityCheckDigit } from '@wage/domain';
import { KafkaClient, generateApiKey, hashApiKey } from '@wage/platform';
import { bearer, staffToken, startTestApp, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';

/** Test helpers for wage-account-service's integration tests: the app, projects, banks, accounts, transactions. */
export function startWageAccountApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ envSchema, serviceDefinition, AppModule }, overrides);
}

export { bearer };
export const admin = (t: TestApp) => bearer(t.env.ADMIN_API_KEY);

/** An inspector's access token for a region, signed as alert-service would sign it. */
export function inspectorToken(t: TestApp, regionCode: string): string {
  return staffToken(t.env.JWT_SECRET, { sub: `inspector.${regionCode}`, region: regionCode });
}

/**
 * Publishes a ProjectRegistered event as roster-service would, and waits until this service has consumed it.
 * Returns the project's key (roster-service hands it to the project; only its hash travels).
 */
export async function registerProject(t: TestApp, code: string, regionCode = '350206'): Promise<string> {
  const apiKey = generateApiKey('project');
  const data: ProjectRegistered = {
    code,
    name: `Project ${code}`,
    regionCode,
    contractor: { name: 'Contractor Co.', creditCode: '91350200MA2XXXXXX1' },
    owner: { name: 'Owner Co.' },
    contractAmountFen: 500_000_000,
    startDate: '2026-01-05',
    payday: 15,
    status: 'IN_CONSTRUCTION',
    apiKeyHash: hashApiKey(apiKey),
  };
  const now = new Date().toISOString();
  const envelope = {
    id: randomUUID(),
    type: 'ProjectRegistered',
    schemaVersion: 1,
    occurredAt: now,
    recordedAt: now,
    projectCode: code,
    data,
  };
  await t.app.get(KafkaClient).send(Topics.project, [{ key: code, value: JSON.stringify(envelope) }]);
  await waitFor(
    async () =>
      (await t.dataSource.query(`SELECT 1 FROM wage_account.projects WHERE code = $1`, [code])).length > 0,
    { description: `project ${code} to be consumed`, timeoutMs: 45_000 },
  );
  return apiKey;
}

export async function registerBank(t: TestApp, code: string): Promise<string> {
  const response = await t.http
    .post('/api/v1/banks')
    .set(admin(t))
    .send({ code, name: `Bank ${code}` });
  expect(response.status).toBe(201);
  return response.body.apiKey;
}

export async function openAccount(
  t: TestApp,
  account: { projectCode: string; bankCode: string; accountNumber: string },
  token = t.env.ADMIN_API_KEY,
): Promise<void> {
  const response = await t.http
    .post('/api/v1/wage-accounts')
    .set(bearer(token))
    .send({ ...account, openedOn: '2026-01-10' });
  expect(response.status).toBe(201);
}

/** A valid identity number (GB 11643) born on `birth` (YYYYMMDD) with sequence `seq`. */
export function identityNumber(birth = '19850312', seq = '123'): string {
  const first17 = `350206${birth}${seq}`;
  return first17 + identityCheckDigit(first17);
}

/** A bank transaction row as the API takes it; PAYROLL to a worker's card by default. */
export function transaction(serialNo: string, overrides: Record<string, unknown> = {}) {
  return {
    serialNo,
    occurredAt: '2026-03-10T10:00:00+08:00',
    direction: 'DEBIT',
    kind: 'PAYROLL',
    amount: '100.00',
    counterparty: { name: 'Zhang San', accountNumber: '6222020200112233445', idNumber: identityNumber() },
    payrollMonth: '2026-02',
    ...overrides,
  };
}

export function appropriation(serialNo: string, amount: string, occurredAt: string) {
  return {
    serialNo,
    occurredAt,
    direction: 'CREDIT',
    kind: 'APPROPRIATION',
    amount,
    counterparty: { name: 'Owner Co.', accountNumber: '350100200300400500' },
  };
}
