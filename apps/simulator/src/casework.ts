import { randomBytes } from 'node:crypto';
import { addCalendarDays, dateInShanghai, monthOf } from '@wage/domain';
import { type ApiClient, ApiCallError } from './api-client';
import type { RaisedAlert } from './compare';
import type { DistrictPlan } from './plan';

/** What the district's inspector did with the alerts and complaints, and what the leaders' statistics say of it. */
export interface CaseworkResult {
  /** Cases opened from alerts, and from the one clue accepted. */
  casesOpened: number;
  casesClosed: number;
  complaints: { submitted: number; accepted: number; refused: number };
  actions: number;
  /** Yuan recorded as recovered on the closed case. */
  recovered: string;
  /** `GET /enforcement/statistics` for the district this month. */
  statistics: {
    casesOpened: number;
    casesClosed: number;
    closedWithinLimit: number;
    workersHelped: number;
    amountRecovered: string;
    recoveryRate: number | null;
  };
}

interface CaseAnswer {
  id: string;
  wages: { owed: string; workersOwed: number };
}

/**
 * An inspector's first day with the alerts: cases opened from the gravest standing alerts of unpaid wages (at most
 * `cases`), each with a summons (约谈) and a rectification order (限期改正) a week out; the first case paid and
 * closed with its finding. Two workers' clues come in: one about an alerted project is accepted (a case), one about
 * wages of three years ago is refused with where to go instead. Runs after the comparison, so nothing it causes is
 * counted against the ground truth.
 */
export async function simulateCasework(
  client: ApiClient,
  options: {
    gateway: string;
    adminKey: string;
    /** The district (or city) the caseworker covers. */
    region: string;
    plan: DistrictPlan;
    alerts: readonly RaisedAlert[];
    cases?: number;
    log: (line: string) => void;
  },
): Promise<CaseworkResult> {
  const { plan, log } = options;
  const region = options.region;
  const token = await inspectorToken(client, options.gateway, options.adminKey, region);
  const now = new Date();
  const today = dateInShanghai(now);
  const at = now.toISOString();
  let actions = 0;

  const severityRank = { RED: 3, ORANGE: 2, YELLOW: 1, BLUE: 0 } as const;
  const standing = options.alerts
    .filter((a) => (a.code === 'WAGE_ARREARS' || a.code === 'WAGE_UNDERPAID') && a.clearedAt === null)
    .filter((a) => a.status === 'OPEN' || a.status === 'ACKNOWLEDGED')
    .sort(
      (a, b) => severityRank[b.severity] - severityRank[a.severity] || a.raisedAt.localeCompare(b.raisedAt),
    )
    .slice(0, options.cases ?? 2);

  const opened: CaseAnswer[] = [];
  for (const alert of standing) {
    try {
      const { id } = await client.call<{ id: string }>('POST', '/cases', {
        token,
        body: { alertId: alert.id },
      });
      opened.push(await client.call<CaseAnswer>('GET', `/cases/${id}`, { token }));
    } catch (error) {
      // A second run over the same district: the alert already has its case.
      if (error instanceof ApiCallError && error.status === 409) continue;
      throw error;
    }
  }
  for (const [i, kase] of opened.entries()) {
    const act = (body: Record<string, unknown>) =>
      client
        .call('POST', `/cases/${kase.id}/actions`, { token, body: { at, ...body } })
        .then(() => actions++);
    await act({ kind: 'SUMMONS', note: '约谈施工总承包单位项目负责人，说明工资支付情况' });
    const owed = Number(kase.wages.owed) > 0 ? { amount: kase.wages.owed } : {};
    await act({
      kind: 'RECTIFICATION_ORDER',
      note: '足额支付拖欠的农民工工资，并将银行代发凭证报送本局',
      deadline: addCalendarDays(today, 7),
      documentNo: `模拟监令〔${today.slice(0, 4)}〕${i + 1}号`,
      ...owed,
    });
  }

  let closed = 0;
  let recovered = '0.00';
  const first = opened[0];
  if (first) {
    if (Number(first.wages.owed) > 0) {
      await client.call('POST', `/cases/${first.id}/recoveries`, {
        token,
        body: {
          amount: first.wages.owed,
          workers: Math.max(1, first.wages.workersOwed),
          paidOn: today,
          note: '银行代发',
        },
      });
      recovered = first.wages.owed;
    }
    await client.call('POST', `/cases/${first.id}/close`, {
      token,
      body: {
        code: 'HANDLED',
        finding: { unpaidWages: true, violations: ['拖欠农民工工资'] },
        summary: '经责令改正，已足额支付拖欠工资',
      },
    });
    closed += 1;
  }

  // Two clues from workers of the district.
  const complaints = { submitted: 0, accepted: 0, refused: 0 };
  const alerted = plan.projects.find((p) => p.code === standing[0]?.projectCode) ?? plan.projects[0];
  const clean = plan.projects.find((p) => p.injections.length === 0 && p.workers.length > 0) ?? alerted;
  let fromClue = 0;
  for (const [project, accept] of [
    [alerted, true],
    [clean, false],
  ] as const) {
    const worker = project?.workers[0];
    if (!project || !worker) continue;
    const month = monthOf(now);
    const threeYearsAgo = `${Number(month.slice(0, 4)) - 3}${month.slice(4)}`;
    const period = accept
      ? { periodFrom: plan.months[0], periodTo: plan.months[plan.months.length - 1] }
      : { periodFrom: threeYearsAgo, periodTo: threeYearsAgo };
    const { id } = await client.call<{ id: string }>('POST', '/complaints', {
      token,
      body: {
        kind: 'CLUE',
        complainant: { name: worker.name, idNumber: worker.idNumber, phone: worker.phone },
        employer: { name: project.contractor.name, creditCode: project.contractor.creditCode },
        projectCode: project.code,
        regionCode: project.regionCode,
        ...period,
        workersAffected: 1,
        description: accept ? '工资未按月足额发放' : '三年前的工资至今未结清',
      },
    });
    complaints.submitted += 1;
    if (accept) {
      await client.call('POST', `/complaints/${id}/accept`, { token, body: {} });
      complaints.accepted += 1;
      fromClue += 1;
    } else {
      await client.call('POST', `/complaints/${id}/refuse`, {
        token,
        body: {
          reason: '拖欠工资发生在两年以前，已超过劳动保障监察的查处时效',
          redirectTo: '劳动人事争议仲裁委员会',
        },
      });
      complaints.refused += 1;
    }
  }

  const statistics = await client.call<CaseworkResult['statistics']>(
    'GET',
    `/enforcement/statistics?regionCode=${region}&from=${monthOf(now)}&to=${monthOf(now)}`,
    { token },
  );
  const result: CaseworkResult = {
    casesOpened: opened.length + fromClue,
    casesClosed: closed,
    complaints,
    actions,
    recovered,
    statistics,
  };
  log(
    `casework: ${result.casesOpened} cases opened (${opened.length} from alerts, ${fromClue} from a clue), ` +
      `${actions} actions, ${closed} closed with ¥${recovered} recovered; clues ${complaints.submitted} ` +
      `(${complaints.accepted} accepted, ${complaints.refused} refused); the leaders' statistics for ${region}: ` +
      `${statistics.casesOpened} opened, ${statistics.casesClosed} closed, ¥${statistics.amountRecovered} recovered`,
  );
  return result;
}

/** A caseworker of the district, created for this run (the simulator holds only the administrator's key). */
async function inspectorToken(
  client: ApiClient,
  gateway: string,
  adminKey: string,
  regionCode: string,
): Promise<string> {
  const username = `sim-caseworker-${randomBytes(3).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  await client.call('POST', '/users', {
    token: adminKey,
    body: { username, password, role: 'INSPECTOR', regionCode, displayName: '模拟办案人员' },
  });
  const response = await fetch(`${gateway.replace(/\/+$/, '')}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { accessToken?: string; message?: string };
  if (!response.ok || !body.accessToken)
    throw new Error(`the caseworker could not log in: ${response.status} ${body.message ?? ''}`);
  return body.accessToken;
}
