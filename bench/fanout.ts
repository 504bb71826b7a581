import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { dateInShanghai } from '@wage/domain';
import { bank, project, transactionRow, workerRow, type BenchProject } from './fixtures';
import { api, type Stack } from './stack';
import { envInt, log, sleep } from './stats';

/**
 * E-mail fan-out: `users` inspectors of another district, each with only an e-mail address, and `alerts` new alerts
 * there, delivered to the stack's local SMTP server (bench/stack.ts) through alert-service's pooled SMTP transport.
 * Rate = messages over the time from the first to the last one received.
 */
async function benchEmailFanout(
  stack: Stack,
  users: number,
  alerts: number,
  timeoutMs: number,
  bankKey: string,
  { region, label }: FanoutPlace,
) {
  await stack.pg.query(
    `INSERT INTO alerts.users (username, password_hash, role, region_code, display_name, email)
     SELECT 'bench-mail-' || $3 || '-' || g, 'not-a-login', 'INSPECTOR', $1, '基准邮件巡查员' || g,
            'inspector' || g || '@' || $3 || '.bench.local'
     FROM generate_series(1, $2::int) g`,
    [region, users, label],
  );
  const projects = [];
  for (let i = 0; i < alerts; i += 1)
    projects.push(await heldProject(stack, bankKey, `BENCH-M${label}-${i}`, region));
  const expected = users * alerts;
  const domain = `@${label}.bench.local`;
  const received = () => stack.mail.filter((m) => m.to.some((to) => to.endsWith(domain)));
  const measured = await deliver(stack, projects, bankKey, expected, timeoutMs, 'EMAIL', region, () =>
    received().map((m) => m.at),
  );
  const digests = received().map((m) => m.digest);
  const result = {
    what: `${users} inspectors with an e-mail address × ${alerts} new alerts = ${expected} e-mails to a local SMTP server`,
    emailPerSecondSetting: Number(stack.env.NOTIFY_EMAIL_PER_SECOND),
    ...measured,
    duplicateDeliveries: digests.length - new Set(digests).size,
  };
  log(`e-mail fan-out: ${result.delivered}/${expected} delivered, ${result.perSecond}/s`);
  return result;
}

/**
 * Notification fan-out: `users` inspectors of one district, each with a webhook to a local receiver, and `alerts`
 * new alerts in that district (TRANSFERs raising FUNDS_DIVERTED). Rate = deliveries over the time from the first
 * to the last one received; the receiver answers 200 at once.
 */
export function benchFanout(stack: Stack) {
  return fanout(stack, { region: '350212', label: 'one' }, { region: '350213', label: 'one' });
}

/**
 * The same fan-out with a second rules-engine and a second alert-service started beside the first (the same
 * consumer groups, so each takes half the partitions): the throughput of the scaled-out platform, and whether any
 * notification went out twice.
 */
export async function benchScaleOut(stack: Stack) {
  const added = await stack.addInstances(['rules-engine', 'alert-service']);
  log(`scale-out: started ${added.join(', ')}`);
  const result = await fanout(stack, { region: '350203', label: 'two' }, { region: '350205', label: 'two' });
  return { instances: { 'rules-engine': 2, 'alert-service': 2 }, ...result };
}

interface FanoutPlace {
  region: string;
  label: string;
}

async function fanout(stack: Stack, webhook: FanoutPlace, email_: FanoutPlace) {
  const users = envInt('BENCH_FANOUT_USERS', 500);
  const alerts = envInt('BENCH_FANOUT_ALERTS', 2);
  const timeoutMs = envInt('BENCH_FANOUT_TIMEOUT_S', 120) * 1000;
  const received: number[] = [];
  // Each inspector's webhook has its own path; the same body twice at the same path is a duplicate delivery.
  const seen = new Set<string>();
  let duplicates = 0;
  const server = createServer((request, response) => {
    const hash = createHash('sha256').update(request.url ?? '');
    request.on('data', (chunk: Buffer) => hash.update(chunk));
    request.on('end', () => {
      received.push(performance.now());
      const key = hash.digest('hex');
      if (seen.has(key)) duplicates += 1;
      seen.add(key);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const { region, label } = webhook;
    await stack.pg.query(
      `INSERT INTO alerts.users (username, password_hash, role, region_code, display_name, webhook_url)
       SELECT 'bench-inspector-' || $4 || '-' || g, 'not-a-login', 'INSPECTOR', $1, '基准巡查员' || g, $2 || g
       FROM generate_series(1, $3::int) g`,
      [region, `http://127.0.0.1:${port}/hook/${label}/`, users, label],
    );
    const bankKey = await bank(stack);
    const projects = [];
    for (let i = 0; i < alerts; i += 1)
      projects.push(await heldProject(stack, bankKey, `BENCH-F${label}-${i}`, region));
    const expected = users * alerts;
    const result = {
      what: `${users} inspectors with a webhook × ${alerts} new alerts = ${expected} webhook notifications to a local receiver`,
      ...(await deliver(stack, projects, bankKey, expected, timeoutMs, 'WEBHOOK', region, () => received)),
      duplicateDeliveries: duplicates,
    };
    log(`fan-out: ${result.delivered}/${expected} delivered, ${result.perSecond}/s`);
    const email = await benchEmailFanout(stack, users, alerts, timeoutMs, bankKey, email_);
    return { ...result, email };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * A bench project in order but for what the fan-out raises: it starts today, so no month of it has passed its
 * deadline yet; it holds its wage-guarantee deposit (3,000,000 yuan, more than 2 % of its contract) and reports a
 * real-name roll. The TRANSFER out of its account then raises FUNDS_DIVERTED alone, not DEPOSIT_SHORTFALL or
 * REAL_NAME_GAP beside it: one alert per project, as `expected` says.
 */
async function heldProject(
  stack: Stack,
  bankKey: string,
  code: string,
  region: string,
): Promise<BenchProject> {
  const today = dateInShanghai(new Date());
  const held = await project(stack, code, region, today);
  await api(stack.gateway, 'POST', '/deposits', bankKey, {
    projectCode: code,
    form: 'CASH',
    amount: '3000000.00',
    effectiveOn: today,
  });
  await api(stack.gateway, 'PUT', `/projects/${code}/workers`, held.apiKey, {
    workers: [{ ...workerRow(), entryDate: today }],
  });
  return held;
}

/**
 * Raises one FUNDS_DIVERTED alert per project (a TRANSFER out of its account) and waits until `expected`
 * deliveries arrived (`arrivals`: when each did) or the time is up: the delivery rate from the first to the last,
 * the alerts in the region and the channel's notification log there, so that a count beyond the expected one is
 * explained.
 */
async function deliver(
  stack: Stack,
  projects: readonly { accountNumber: string }[],
  bankKey: string,
  expected: number,
  timeoutMs: number,
  channel: 'EMAIL' | 'WEBHOOK',
  region: string,
  arrivals: () => readonly number[],
) {
  const start = performance.now();
  for (const p of projects)
    await api(stack.gateway, 'POST', `/wage-accounts/${p.accountNumber}/transactions`, bankKey, {
      transactions: [transactionRow('TRANSFER', new Date(Date.now() - 60_000), '1000.00')],
    });
  while (arrivals().length < expected && performance.now() - start < timeoutMs) await sleep(100);
  // A second more, so that a delivery beyond the expected ones shows in `delivered`; the rate is of the expected.
  await sleep(1_000);
  const all = arrivals();
  const times = all.slice(0, expected);
  const first = times[0] ?? NaN;
  const last = times.at(-1) ?? NaN;
  const deliverySeconds = (last - first) / 1000;
  // The region's notifications on the channel, read once: by status (the log) and by what they announced.
  const { rows: sent } = await stack.pg.query<{ status: string; event: string; n: number }>(
    `SELECT n.status, n.event || ' ' || n.reason AS event, count(*)::int AS n FROM alerts.notifications n
     JOIN alerts.users u ON u.username = n.recipient WHERE n.channel = $1 AND u.region_code = $2 GROUP BY 1, 2`,
    [channel, region],
  );
  const tally = (key: 'status' | 'event') => {
    const counts: Record<string, number> = {};
    for (const row of sent) counts[row[key]] = (counts[row[key]] ?? 0) + row.n;
    return counts;
  };
  const { rows: raised } = await stack.pg.query<{ what: string; n: number }>(
    `SELECT code || ' ' || severity || ' ' || status AS what, count(*)::int AS n FROM alerts.alerts
     WHERE region_code = $1 GROUP BY 1 ORDER BY 1`,
    [region],
  );
  return {
    expected,
    alertsInRegion: Object.fromEntries(raised.map((r) => [r.what, r.n])),
    notificationsByEvent: tally('event'),
    delivered: all.length,
    timedOut: times.length < expected,
    firstDeliveryAfterAcceptMs: Math.round(first - start),
    deliverySeconds: Math.round(deliverySeconds * 100) / 100,
    perSecond: Math.round(((times.length - 1) / deliverySeconds) * 10) / 10,
    perSecondIncludingPipeline: Math.round((times.length / ((last - start) / 1000)) * 10) / 10,
    notificationLog: tally('status'),
  };
}
