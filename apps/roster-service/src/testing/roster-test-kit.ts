import { creditCodeCheckChar, identityCheckDigit } from '@wage/domain';
import { bearer, staffToken, startTestApp, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';

/** roster-service in-process against its own database and topic prefix (see `startTestApp`). */
export function startRosterService(overrides: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ envSchema, serviceDefinition, AppModule }, overrides);
}

/** A valid identity number: region, birth date YYYYMMDD, a sequence number, and its check digit. */
export function identityNumber(birthDate: string, sequence: number, region = '350206'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + identityCheckDigit(first17);
}

/** A valid credit code (统一社会信用代码) with the given registration region. */
export function creditCode(serial: string, region = '350200'): string {
  const first17 = `91${region}${serial.padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A 19-digit card number distinct for each n. */
export function cardNumber(n: number): string {
  return `6222${String(n).padStart(15, '0')}`;
}

export function projectBody(code: string, regionCode = '350206') {
  return {
    code,
    name: `Riverside housing ${code}`,
    regionCode,
    contractor: { name: 'Haixi Construction Co.', creditCode: creditCode('MA2X0001') },
    owner: { name: 'Xiamen Urban Development' },
    contractAmount: '128000000.00',
    startDate: '2026-03-01',
    payday: 15,
  };
}

export { bearer };

/** Registers a project with the administrator key; returns its key. */
export async function registerProject(
  service: TestApp,
  code: string,
  regionCode = '350206',
): Promise<string> {
  const response = await service.http
    .post('/api/v1/projects')
    .set(bearer(service.env.ADMIN_API_KEY))
    .send(projectBody(code, regionCode));
  if (response.status !== 201) throw new Error(`registering ${code}: ${response.status} ${response.text}`);
  return response.body.apiKey as string;
}

/** A user's access token as alert-service would issue it. */
export function userToken(
  service: TestApp,
  regionCode: string,
  role: 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT' = 'INSPECTOR',
) {
  return staffToken(service.env.JWT_SECRET, { sub: `user-${regionCode}`, role, region: regionCode });
}

export function worker(n: number, overrides: Record<string, unknown> = {}) {
  return {
    // Three digits of sequence number per birth date: every thousand workers are a year older.
    idNumber: identityNumber(`${1988 - Math.floor(n / 1000)}-05-17`, n % 1000),
    name: `Worker ${n}`,
    phone: `138${String(n).padStart(8, '0')}`,
    bankCard: { bankCode: 'ICBC', cardNumber: cardNumber(n) },
    team: 'Rebar team 1',
    trade: 'rebar worker',
    entryDate: '2026-03-10',
    ...overrides,
  };
}

/** Every row of every table in the roster schema, as text: what a leaked backup would show. */
export async function rosterTablesAsText(service: TestApp): Promise<string> {
  const tables: { name: string }[] = await service.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'roster'`,
  );
  const dumps = await Promise.all(
    tables.map(async ({ name }) =>
      (await service.dataSource.query(`SELECT t::text AS row FROM roster."${name}" t`))
        .map((r: { row: string }) => r.row)
        .join('\n'),
    ),
  );
  return dumps.join('\n');
}

export async function outboxCount(service: TestApp, type?: string): Promise<number> {
  const [{ n }] = await service.dataSource.query(
    `SELECT count(*)::int AS n FROM roster.outbox_events WHERE $1::text IS NULL OR type = $1`,
    [type ?? null],
  );
  return n;
}
