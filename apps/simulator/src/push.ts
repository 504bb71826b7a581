import { formatYuan } from '@wage/domain';
import { ApiCallError, ApiClient } from './api-client';
import { bankBatches, type DistrictPlan, type PlannedProject, type PlannedTransaction } from './plan';

/** Rows per request: what a project's payroll clerk would carry (the bank's: TRANSACTION_BATCH in plan.ts). */
const WORKER_BATCH = 300;
const ATTENDANCE_BATCH = 500;
/** Projects pushed at once: several site offices and banks working in parallel, gently on a 2-core machine. */
const CONCURRENCY = 4;

export interface PushProgress {
  (event: {
    projectsDone: number;
    projects: number;
    requests: number;
    /** The project just done, and how long it took to push, from its first request to its last. */
    projectCode: string;
    projectMs: number;
  }): void;
}

/** The body of `POST /api/v1/projects` that registers a planned project. */
export function projectRegistration(project: PlannedProject) {
  return {
    code: project.code,
    name: project.name,
    regionCode: project.regionCode,
    contractor: project.contractor,
    owner: project.owner,
    contractAmount: formatYuan(project.contractAmountFen),
    startDate: project.startDate,
    plannedEndDate: project.plannedEndDate,
    payday: project.payday,
  };
}

/** The keys registration answered, once each: the banks' and the projects', by code. */
export interface DistrictKeys {
  banks: Map<string, string>;
  projects: Map<string, string>;
  /** The administrator's, who records status changes. */
  admin: string;
}

/**
 * Pushes the planned district through the public API as its actors would: the administrator registers banks and
 * projects; each project's office registers its roll and reports attendance and pay sheets with its own key; each
 * bank opens the dedicated accounts, records the deposits and sends its transactions day by day with its key.
 */
export async function pushDistrict(
  client: ApiClient,
  adminKey: string,
  plan: DistrictPlan,
  progress: PushProgress = () => undefined,
): Promise<void> {
  const banks = await registerBanks(client, adminKey, plan);
  await forEachProject(plan, client, progress, async (project) => {
    const bankKey = banks.get(project.bankCode)!;
    const projectKey = await registerProject(client, adminKey, bankKey, project, plan.seed);
    await pushProjectRecords(client, projectKey, bankKey, adminKey, project, plan.seed);
  });
}

/**
 * The first half of `pushDistrict`: banks, projects, their dedicated accounts and deposits — what the services
 * learn of each other through events (a bank can open an account once wage-account-service knows the project).
 */
export async function registerDistrict(
  client: ApiClient,
  adminKey: string,
  plan: DistrictPlan,
  progress: PushProgress = () => undefined,
): Promise<DistrictKeys> {
  const banks = await registerBanks(client, adminKey, plan);
  const projects = new Map<string, string>();
  await forEachProject(plan, client, progress, async (project) => {
    const bankKey = banks.get(project.bankCode)!;
    projects.set(project.code, await registerProject(client, adminKey, bankKey, project, plan.seed));
  });
  return { banks, projects, admin: adminKey };
}

/**
 * The second half: rolls, attendance, pay sheets and transactions, each accepted by the service that owns it
 * without waiting for any event — so it can run while Kafka is away.
 */
export async function pushDistrictRecords(
  client: ApiClient,
  keys: DistrictKeys,
  plan: DistrictPlan,
  progress: PushProgress = () => undefined,
): Promise<void> {
  await forEachProject(plan, client, progress, (project) =>
    pushProjectRecords(
      client,
      keys.projects.get(project.code)!,
      keys.banks.get(project.bankCode)!,
      keys.admin,
      project,
      plan.seed,
    ),
  );
}

async function registerBanks(client: ApiClient, adminKey: string, plan: DistrictPlan) {
  const bankKeys = new Map<string, string>();
  for (const bank of plan.banks) {
    const { apiKey } = await registerOnce<{ apiKey: string }>(
      client,
      'POST',
      '/banks',
      adminKey,
      bank,
      `bank ${bank.code}`,
    );
    bankKeys.set(bank.code, apiKey);
  }
  return bankKeys;
}

async function forEachProject(
  plan: DistrictPlan,
  client: ApiClient,
  progress: PushProgress,
  push: (project: PlannedProject) => Promise<void>,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plan.projects.length) {
      const project = plan.projects[next];
      next += 1;
      const started = Date.now();
      await push(project);
      done += 1;
      progress({
        projectsDone: done,
        projects: plan.projects.length,
        requests: client.requests,
        projectCode: project.code,
        projectMs: Date.now() - started,
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Registers the project; its bank opens the account and records the deposits. Answers the project key. */
async function registerProject(
  client: ApiClient,
  adminKey: string,
  bankKey: string,
  project: PlannedProject,
  seed: string,
): Promise<string> {
  const key = (what: string) => `sim-${seed}-${project.code}-${what}`;
  const { apiKey: projectKey } = await registerOnce<{ apiKey: string }>(
    client,
    'POST',
    '/projects',
    adminKey,
    projectRegistration(project),
    `project ${project.code}`,
  );

  // The bank opens the account and records the deposit once the project is known to it.
  if (project.account) {
    await client.call('POST', '/wage-accounts', {
      token: bankKey,
      body: { projectCode: project.code, bankCode: project.bankCode, ...project.account },
      retryOnError: 'PROJECT_NOT_REGISTERED',
    });
  }
  for (const [i, deposit] of project.deposits.entries()) {
    await client.call('POST', '/deposits', {
      token: bankKey,
      idempotencyKey: key(`deposit-${i}`),
      body: {
        projectCode: project.code,
        form: deposit.form,
        amount: formatYuan(deposit.amountFen),
        effectiveOn: deposit.effectiveOn,
        ...(deposit.expiresOn && { expiresOn: deposit.expiresOn }),
        reference: deposit.reference,
      },
      retryOnError: 'PROJECT_NOT_REGISTERED',
    });
  }
  return projectKey;
}

/**
 * One project's records in the order its delivery says: the roll first (JSON or the clerk's CSV file), then
 * attendance and pay sheets before or after the bank's transactions, then any status change the administrator
 * records (停工) — which may not be dated before data already reported, so it comes last.
 */
async function pushProjectRecords(
  client: ApiClient,
  projectKey: string,
  bankKey: string,
  adminKey: string,
  project: PlannedProject,
  seed: string,
): Promise<void> {
  const key = (what: string) => `sim-${seed}-${project.code}-${what}`;
  const path = `/projects/${encodeURIComponent(project.code)}`;
  if (project.delivery.roll === 'csv') {
    const form = new FormData();
    form.append('file', new Blob([rollCsv(project)], { type: 'text/csv' }), `${project.code}-花名册.csv`);
    await client.call('POST', `${path}/workers/import`, {
      token: projectKey,
      idempotencyKey: key('workers-csv'),
      form,
    });
  } else {
    for (const [i, batch] of chunks(project.workers, WORKER_BATCH).entries()) {
      await client.call('PUT', `${path}/workers`, {
        token: projectKey,
        idempotencyKey: key(`workers-${i}`),
        body: {
          workers: batch.map(({ dailyWageFen: _wage, ...worker }) => worker),
        },
      });
    }
  }
  const records = async () => {
    for (const { month, records } of project.attendance) {
      for (const [i, batch] of chunks(records, ATTENDANCE_BATCH).entries()) {
        await client.call('POST', `${path}/attendance`, {
          token: projectKey,
          idempotencyKey: key(`attendance-${month}-${i}`),
          body: { month, records: batch },
        });
      }
    }
    // A pay sheet replaces the month's sheet, so it goes whole. Each month's goes once: a sheet lowered after its
    // deadline would only be a revision awaiting an inspector, and the ground truth counts the sheets as sent.
    for (const { month, lines } of project.paySheets) {
      const sheet = await client.call<{ code?: string }>('POST', `${path}/pay-sheets`, {
        token: projectKey,
        idempotencyKey: key(`pay-sheet-${month}`),
        body: {
          month,
          lines: lines.map((l) => ({
            idNumber: l.idNumber,
            grossPay: formatYuan(l.grossPayFen),
            netPay: formatYuan(l.netPayFen),
          })),
        },
      });
      if (sheet.code === 'REVISION_PENDING_REVIEW') {
        throw new Error(
          `${project.code} ${month}: the platform kept the pay sheet as a revision, so an earlier, higher sheet of ` +
            'the month is in force there; simulate into a fresh stack or another seed',
        );
      }
    }
  };
  const bank = async () => {
    if (!project.account) return;
    const accountPath = `/wage-accounts/${encodeURIComponent(project.account.accountNumber)}/transactions`;
    for (const [i, batch] of bankBatches(project).entries()) {
      await client.call('POST', accountPath, {
        token: bankKey,
        idempotencyKey: key(`transactions-${i}`),
        body: {
          transactions: batch.transactions.map(transactionBody),
          ...(batch.statementThrough && { statementThrough: shanghaiInstant(batch.statementThrough) }),
        },
      });
    }
  };
  if (project.delivery.order === 'bank-first') {
    await bank();
    await records();
  } else {
    await records();
    await bank();
  }
  for (const change of project.statusChanges) {
    await client.call('PATCH', path, { token: adminKey, body: change });
  }
}

/** The roll as a site office's spreadsheet saves it: UTF-8 with a BOM, Chinese headers. */
export function rollCsv(project: PlannedProject): string {
  const cell = (value: string | undefined) =>
    value === undefined ? '' : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const rows = [
    ['姓名', '身份证号', '手机号', '银行卡号', '开户银行', '班组', '工种', '进场日期', '退场日期'],
    ...project.workers.map((w) => [
      w.name,
      w.idNumber,
      w.phone,
      w.bankCard.cardNumber,
      w.bankCard.bankCode,
      w.team,
      w.trade,
      w.entryDate,
      w.exitDate,
    ]),
  ];
  return `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function transactionBody(tx: PlannedTransaction) {
  return {
    serialNo: tx.serialNo,
    occurredAt: shanghaiInstant(tx.occurredAt),
    direction: tx.direction,
    amount: formatYuan(tx.amountFen),
    kind: tx.kind,
    counterparty: tx.counterparty,
    ...(tx.payrollMonth && { payrollMonth: tx.payrollMonth }),
    ...(tx.memo && { memo: tx.memo }),
  };
}

/** '2026-10-15T10:00:00+08:00', as a Chinese bank writes the booking time. */
function shanghaiInstant(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Registration answers a key once: a 409 means this seed ran against this stack before. */
async function registerOnce<T>(
  client: ApiClient,
  method: string,
  path: string,
  token: string,
  body: unknown,
  what: string,
): Promise<T> {
  try {
    return await client.call<T>(method, path, { token, body });
  } catch (error) {
    if (error instanceof ApiCallError && error.status === 409) {
      throw new Error(
        `${what} is already registered: this seed was simulated against this stack before, and its keys were ` +
          'shown only then. Run with another --seed, or against a fresh stack.',
      );
    }
    throw error;
  }
}
