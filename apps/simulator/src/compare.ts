import type { Month, RuleCode, Severity } from '@wage/domain';
import { type ApiClient, sleep } from './api-client';
import type { GroundTruth } from './truth';

/** An alert case as GET /api/v1/alerts shows it, with how often it was raised (new, or again after it ended). */
export interface RaisedAlert {
  id: string;
  projectCode: string;
  code: RuleCode;
  month: Month | null;
  severity: Severity;
  status: string;
  raisedAt: string;
  clearedAt: string | null;
  /** RAISED (and REOPENED) entries in its history: 2 when it cleared and was raised again. */
  raiseCount: number;
}

/** One row of an alert's notification log (GET /api/v1/notifications?alertId=). */
export interface SentNotification {
  id: string;
  alertIds: string[];
  channel: string;
  reason: string;
  event: string;
  status: string;
}

/** A message the mail catcher received, with the alerts it links to. */
export interface CaughtMail {
  subject: string;
  alertIds: string[];
}

export interface Comparison {
  /** Every alert ever raised for the district's projects, as compared. */
  alerts: readonly RaisedAlert[];
  expected: number;
  /** Alerts standing at the end (OPEN or ACKNOWLEDGED). */
  found: number;
  matched: number;
  missed: Pick<RaisedAlert, 'projectCode' | 'code' | 'month' | 'severity'>[];
  /** Every alert ever raised, in any status now, whose (code, project, month) the truth does not expect. */
  falseAlerts: RaisedAlert[];
  /** Matched on code, project and month, standing with another severity. */
  severityMismatches: {
    projectCode: string;
    code: RuleCode;
    month: Month | null;
    expected: Severity;
    found: Severity;
  }[];
  /** Expected alerts raised more than once: they cleared while the condition held and came back. */
  reraised: RaisedAlert[];
  /** Raise events of every alert ever raised (a reopened alert counts each time), and of the false ones. */
  raised: number;
  raisedFalse: number;
  /** Every notification planned for the alerts (each person, channel and reason), and for the false ones. */
  notifications: number;
  notificationsForFalse: number;
  /** What the mail catcher received for the alerts, when one was read. */
  mails?: { total: number; forFalse: number; bySubject: Record<string, number> };
  /** Per code: expected and standing by severity, raise events, missed and false. */
  byCode: Record<
    string,
    {
      expected: Record<string, number>;
      found: Record<string, number>;
      raised: number;
      missed: number;
      falseAlerts: number;
    }
  >;
  cleanProjects: number;
  cleanProjectsWithAlerts: number;
}

/** History entries that put an alert in front of inspectors again: raised (anew, or after it ended), reopened. */
const RAISES = new Set(['RAISED', 'REOPENED']);

/** Alert states that still stand; CLEARED, RESOLVED and DISMISSED ones are history. */
const STANDING = new Set(['OPEN', 'ACKNOWLEDGED']);

export interface SettleOptions {
  /**
   * The rules engine's settle period (ALERT_SETTLE_SECONDS): an absence verdict is pending that long before it is
   * raised, so the comparison waits for it after the push. 0 when the engine raises at once.
   */
  settleSeconds?: number;
  /** How long to keep evaluating, after the settle period, until the platform shows what the truth expects. */
  timeoutMs: number;
  /** The mail catcher's web origin (scripts/mail-catcher.mjs), to count the e-mails inspectors received. */
  mailCatcher?: string;
  /**
   * For a stack that raises absence verdicts at once (ALERT_SETTLE_SECONDS=0) and has just caught up a backlog: the
   * instant the rules engine had caught up. Such an engine raises some verdicts on partial data while it catches up
   * (a project's payments before its roll, a roll before its attendance) and clears them when the rest arrives —
   * what the settle period keeps from inspectors. The wait then ends once every false alert is one the data cleared
   * by that instant (`lastingFalseAlerts`); the comparison still lists them all among `falseAlerts`.
   */
  caughtUpAt?: Date;
  log: (line: string) => void;
}

/**
 * The false alerts other than those the data cleared by `clearedBy`: standing, closed by someone, or cleared later.
 * One cleared by the instant a stack without a settle period had caught up a backlog was raised on partial data and
 * ended by the data that followed; with a settle period it would never have been raised.
 */
export function lastingFalseAlerts(
  comparison: Pick<Comparison, 'falseAlerts'>,
  clearedBy: Date,
): RaisedAlert[] {
  return comparison.falseAlerts.filter(
    (a) => a.status !== 'CLEARED' || a.clearedAt === null || Date.parse(a.clearedAt) > clearedBy.getTime(),
  );
}

/**
 * Evaluates live (POST /api/v1/evaluations for every month the truth covers) right after the push so that every
 * absence verdict starts its settle period, waits that period out, then evaluates again and again until a round
 * changes nothing and the standing alerts are what the truth expects, or the time is up. Then it reads every
 * alert ever raised for the district's projects (any status, with its history) and every notification sent for
 * them, and compares all of it with the truth: an alert the truth does not expect is false whenever it stood.
 * `truth` is a function of the instant so that each round compares with the truth as of that round.
 */
export async function evaluateAndCompare(
  client: ApiClient,
  adminKey: string,
  truth: GroundTruth | ((asOf: Date) => GroundTruth),
  { settleSeconds = 0, timeoutMs, mailCatcher, caughtUpAt, log }: SettleOptions,
): Promise<Comparison> {
  const truthAt = typeof truth === 'function' ? truth : () => truth;
  const ours = new Set(truthAt(new Date()).projects.map((p) => p.code));
  const evaluateAll = async (months: readonly Month[]) => {
    let changes = 0;
    for (const month of months) {
      // Live: an evaluation as of an earlier instant is a dry run that changes nothing.
      const counts = await client.call<{ raised?: number; updated?: number; cleared?: number }>(
        'POST',
        '/evaluations',
        { token: adminKey, body: { month } },
      );
      changes += (counts.raised ?? 0) + (counts.updated ?? 0) + (counts.cleared ?? 0);
    }
    return changes;
  };
  if (settleSeconds > 0) {
    const first = await evaluateAll(truthAt(new Date()).evaluatedMonths);
    log(
      `evaluated after the push (${first} changes); waiting the settle period of ${settleSeconds} s ` +
        '(ALERT_SETTLE_SECONDS) before the verdicts still holding are raised',
    );
    await sleep(settleSeconds * 1000 + 2_000);
  }
  const started = Date.now();
  let quietRounds = 0;
  let comparison: Comparison;
  let final: GroundTruth;
  for (let round = 1; ; round += 1) {
    final = truthAt(new Date());
    const changes = await evaluateAll(final.evaluatedMonths);
    quietRounds = changes === 0 ? quietRounds + 1 : 0;
    const alerts = await everyAlert(client, adminKey, ours);
    comparison = compare(final, alerts);
    log(
      `evaluation round ${round}: ${changes} changes; ${comparison.found} alerts standing, ` +
        `${comparison.expected} expected, ${comparison.raised} raised so far`,
    );
    const falseAlerts = caughtUpAt ? lastingFalseAlerts(comparison, caughtUpAt) : comparison.falseAlerts;
    const matches = comparison.missed.length === 0 && falseAlerts.length === 0;
    if (quietRounds >= 2 && matches) break;
    if (quietRounds >= 3 && Date.now() - started > timeoutMs) break;
    await sleep(2_000);
  }
  const alerts = await everyAlert(client, adminKey, ours);
  const notifications = await settledNotifications(client, adminKey, alerts);
  const mails = mailCatcher ? await caughtMails(mailCatcher) : undefined;
  return compare(final, alerts, notifications, mails);
}

/** Every alert of our projects, whatever its status, with how often it was raised. */
async function everyAlert(
  client: ApiClient,
  adminKey: string,
  ours: ReadonlySet<string>,
): Promise<RaisedAlert[]> {
  type Listed = Omit<RaisedAlert, 'raiseCount'> & { history: { action: string }[] };
  const alerts: RaisedAlert[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await client.call<{
      items: Listed[];
      total: number;
      totalCapped?: boolean;
      pageSize: number;
    }>('GET', `/alerts?page=${page}&pageSize=200`, { token: adminKey });
    for (const { history, ...alert } of answer.items) {
      if (!ours.has(alert.projectCode)) continue;
      const raiseCount = Math.max(1, history.filter((h) => RAISES.has(h.action)).length);
      alerts.push({
        id: alert.id,
        projectCode: alert.projectCode,
        code: alert.code,
        month: alert.month,
        severity: alert.severity,
        status: alert.status,
        raisedAt: alert.raisedAt,
        clearedAt: alert.clearedAt,
        raiseCount,
      });
    }
    // `total` stops counting at 10,000 (totalCapped): past it, read on until a short page.
    const counted = !answer.totalCapped && page * answer.pageSize >= answer.total;
    if (counted || answer.items.length < answer.pageSize) return alerts;
  }
}

/** The notification log of every alert, read until no delivery is still pending (or half a minute passed). */
async function settledNotifications(
  client: ApiClient,
  adminKey: string,
  alerts: readonly RaisedAlert[],
): Promise<SentNotification[]> {
  const started = Date.now();
  for (;;) {
    const byId = new Map<string, SentNotification>();
    for (const alert of alerts) {
      for (let page = 1; ; page += 1) {
        const answer = await client.call<{ items: SentNotification[]; total: number; pageSize: number }>(
          'GET',
          `/notifications?alertId=${alert.id}&page=${page}&pageSize=500`,
          { token: adminKey },
        );
        for (const n of answer.items) byId.set(n.id, n);
        if (page * answer.pageSize >= answer.total || answer.items.length === 0) break;
      }
    }
    const all = [...byId.values()];
    const pending = all.some((n) => n.status === 'PENDING' || n.status === 'RETRYING');
    if (!pending || Date.now() - started > 30_000) return all;
    await sleep(2_000);
  }
}

/** The mail catcher's messages with the alert ids their console links name. */
async function caughtMails(origin: string): Promise<CaughtMail[]> {
  const response = await fetch(`${origin.replace(/\/+$/, '')}/api/mails`);
  if (!response.ok) throw new Error(`the mail catcher at ${origin} answered ${response.status}`);
  const mails = (await response.json()) as { subject: string; text: string }[];
  return mails.map((m) => ({
    subject: m.subject,
    alertIds: [...m.text.matchAll(/\/alerts\/([0-9a-f-]{36})/g)].map((match) => match[1]),
  }));
}

export function compare(
  truth: GroundTruth,
  alerts: readonly RaisedAlert[],
  notifications: readonly SentNotification[] = [],
  mails?: readonly CaughtMail[],
): Comparison {
  const key = (a: { projectCode: string; code: string; month: string | null }) =>
    `${a.projectCode}|${a.code}|${a.month ?? ''}`;
  const expected = truth.projects.flatMap((p) => p.expected.map((e) => ({ ...e, projectCode: p.code })));
  const expectedByKey = new Map(expected.map((e) => [key(e), e]));
  const standing = alerts.filter((a) => STANDING.has(a.status));
  const standingByKey = new Map(standing.map((a) => [key(a), a]));
  const byCode: Comparison['byCode'] = {};
  const tally = (code: string) =>
    (byCode[code] ??= { expected: {}, found: {}, raised: 0, missed: 0, falseAlerts: 0 });
  for (const e of expected)
    tally(e.code).expected[e.severity] = (tally(e.code).expected[e.severity] ?? 0) + 1;
  for (const a of standing) tally(a.code).found[a.severity] = (tally(a.code).found[a.severity] ?? 0) + 1;
  for (const a of alerts) tally(a.code).raised += a.raiseCount;
  const missed = expected.filter((e) => !standingByKey.has(key(e)));
  const falseAlerts = alerts.filter((a) => !expectedByKey.has(key(a)));
  missed.forEach((m) => (tally(m.code).missed += 1));
  falseAlerts.forEach((f) => (tally(f.code).falseAlerts += 1));
  const severityMismatches = standing.flatMap((a) => {
    const e = expectedByKey.get(key(a));
    return e && e.severity !== a.severity
      ? [
          {
            projectCode: a.projectCode,
            code: a.code,
            month: a.month,
            expected: e.severity,
            found: a.severity,
          },
        ]
      : [];
  });
  const falseIds = new Set(falseAlerts.map((a) => a.id));
  const forFalse = (ids: readonly string[]) => ids.some((id) => falseIds.has(id));
  const ourIds = new Set(alerts.map((a) => a.id));
  const ourMails = mails?.filter((m) => m.alertIds.some((id) => ourIds.has(id)));
  const clean = new Set(truth.projects.filter((p) => p.clean).map((p) => p.code));
  const sum = (list: readonly RaisedAlert[]) => list.reduce((n, a) => n + a.raiseCount, 0);
  return {
    alerts,
    expected: expected.length,
    found: standing.length,
    matched: expected.length - missed.length,
    missed,
    falseAlerts,
    severityMismatches,
    reraised: alerts.filter((a) => a.raiseCount > 1 && expectedByKey.has(key(a))),
    raised: sum(alerts),
    raisedFalse: sum(falseAlerts),
    notifications: notifications.length,
    notificationsForFalse: notifications.filter((n) => forFalse(n.alertIds)).length,
    ...(ourMails && {
      mails: {
        total: ourMails.length,
        forFalse: ourMails.filter((m) => forFalse(m.alertIds)).length,
        bySubject: countBy(ourMails.map((m) => /】([^：]+)：/.exec(m.subject)?.[1] ?? m.subject)),
      },
    }),
    byCode,
    cleanProjects: clean.size,
    cleanProjectsWithAlerts: new Set(alerts.filter((a) => clean.has(a.projectCode)).map((a) => a.projectCode))
      .size,
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const SEVERITIES = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];

/**
 * The terminal summary: per code, expected and standing by severity and raise events; then the totals — what
 * inspectors received included — and each missed, false, re-raised or mis-graded alert.
 */
export function formatComparison(comparison: Comparison): string {
  const by = (counts: Record<string, number>) =>
    SEVERITIES.filter((s) => counts[s])
      .map((s) => `${s} ${counts[s]}`)
      .join(', ') || '-';
  const lifetime = (a: RaisedAlert) =>
    a.clearedAt
      ? `, ${a.status} after ${Math.round((Date.parse(a.clearedAt) - Date.parse(a.raisedAt)) / 1000)} s`
      : `, ${a.status}`;
  const mails = comparison.mails;
  const lines = [
    `${'code'.padEnd(30)} ${'expected'.padEnd(24)} ${'found'.padEnd(24)} raised  missed  false`,
    ...Object.entries(comparison.byCode)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([code, c]) =>
          `${code.padEnd(30)} ${by(c.expected).padEnd(24)} ${by(c.found).padEnd(24)} ${String(c.raised).padEnd(7)} ` +
          `${String(c.missed).padEnd(7)} ${c.falseAlerts}`,
      ),
    '',
    `alerts: ${comparison.expected} expected, ${comparison.found} found, ${comparison.matched} matched, ` +
      `${comparison.missed.length} missed, ${comparison.falseAlerts.length} false, ` +
      `${comparison.severityMismatches.length} with another severity`,
    `raised: ${comparison.raised} (false: ${comparison.raisedFalse}) · ` +
      `notifications: ${comparison.notifications} (for false alerts: ${comparison.notificationsForFalse})`,
    ...(mails
      ? [
          `e-mails at the mail catcher: ${mails.total} (for false alerts: ${mails.forFalse})` +
            (mails.total
              ? ` — ${Object.entries(mails.bySubject)
                  .map(([s, n]) => `${s} ${n}`)
                  .join(', ')}`
              : ''),
        ]
      : []),
    `clean projects: ${comparison.cleanProjects}, with any alert: ${comparison.cleanProjectsWithAlerts}`,
    ...comparison.missed.map((a) => `  missed ${a.code} ${a.projectCode} ${a.month ?? ''}`),
    ...comparison.falseAlerts.map(
      (a) =>
        `  false  ${a.code} ${a.projectCode} ${a.month ?? ''} (${a.severity}${lifetime(a)}, raised ${a.raiseCount}×)`,
    ),
    ...comparison.reraised.map(
      (a) =>
        `  raised again ${a.code} ${a.projectCode} ${a.month ?? ''}: ${a.raiseCount}× (it cleared meanwhile)`,
    ),
    ...comparison.severityMismatches.map(
      (a) =>
        `  severity ${a.code} ${a.projectCode} ${a.month ?? ''}: expected ${a.expected}, found ${a.found}`,
    ),
  ];
  return lines.join('\n');
}
