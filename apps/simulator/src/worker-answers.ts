import type { DistrictPlan, PlannedProject } from './plan';

/** How many workers confirmed and disputed their latest month on the workers' channel. */
export interface WorkerAnswersResult {
  confirmed: number;
  disputed: number;
  projectCode: string | null;
}

interface OwnMonth {
  projectCode: string;
  month: string;
}

/**
 * Some workers of one project without injected violations answer for their latest month on the workers' channel,
 * as a worker does from their phone: a code asked with their identity and phone, read at the SMS catcher, a
 * session, then a confirmation — or a dispute ("not received"). Fewer than three dispute, so the month's
 * WORKER_PAY_DISPUTED stays YELLOW. Runs after the comparison: the alert it raises is not counted against the truth.
 */
export async function simulateWorkerAnswers(options: {
  gateway: string;
  smsCatcher: string;
  plan: DistrictPlan;
  workers?: number;
  log: (line: string) => void;
}): Promise<WorkerAnswersResult> {
  const gateway = options.gateway.replace(/\/+$/, '');
  const project = options.plan.projects.find(
    (p) => p.injections.length === 0 && p.attendance.length > 0 && p.workers.length >= 4,
  );
  const result: WorkerAnswersResult = { confirmed: 0, disputed: 0, projectCode: project?.code ?? null };
  if (!project) return result;
  for (const [i, worker] of answeringWorkers(project, options.workers ?? 6).entries()) {
    const token = await signIn(gateway, options.smsCatcher, worker);
    const months = await call<{ items: OwnMonth[] }>(gateway, 'GET', '/worker/months', token);
    const latest = months.items.find((m) => m.projectCode === project.code);
    if (!latest) continue;
    // Every third worker says the pay never reached them; the others confirm.
    const dispute = i % 3 === 1;
    await call(
      gateway,
      'POST',
      `/worker/months/${encodeURIComponent(project.code)}/${latest.month}/confirmation`,
      token,
      dispute
        ? { result: 'DISPUTED', reason: 'NOT_RECEIVED', note: '工资没有到卡上' }
        : { result: 'CONFIRMED' },
    );
    if (dispute) result.disputed += 1;
    else result.confirmed += 1;
  }
  options.log(
    `workers' channel: ${result.confirmed} workers of ${project.code} confirmed their month, ${result.disputed} ` +
      `disputed it (not received)`,
  );
  return result;
}

/** Workers on the roll with attendance in the project's last month, in roll order. */
function answeringWorkers(project: PlannedProject, count: number) {
  const last = project.attendance[project.attendance.length - 1];
  const worked = new Set(last.records.filter((r) => r.daysWorked > 0).map((r) => r.idNumber));
  return project.workers.filter((w) => worked.has(w.idNumber)).slice(0, count);
}

async function signIn(
  gateway: string,
  smsCatcher: string,
  worker: { idNumber: string; phone: string },
): Promise<string> {
  const catcher = `${smsCatcher.replace(/\/+$/, '')}/api/messages?to=${encodeURIComponent(worker.phone)}`;
  const seen = ((await (await fetch(catcher)).json()) as unknown[]).length;
  await call(gateway, 'POST', '/worker/codes', undefined, { idNumber: worker.idNumber, phone: worker.phone });
  // The SMS goes out after the answer: wait for it at the catcher, as a worker waits for their phone.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const messages = (await (await fetch(catcher)).json()) as { text: string }[];
    const code = messages.length > seen ? /(\d{6})/.exec(messages[0].text)?.[1] : undefined;
    if (code) {
      const session = await call<{ accessToken: string }>(gateway, 'POST', '/worker/sessions', undefined, {
        idNumber: worker.idNumber,
        phone: worker.phone,
        code,
      });
      return session.accessToken;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no sign-in SMS reached the catcher at ${smsCatcher} within 10 s`);
}

async function call<T = unknown>(
  gateway: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${gateway}/api/v1${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status} ${answer.message ?? ''}`);
  return answer;
}
