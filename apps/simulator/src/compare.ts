import type { Month, RuleCode, Severity } from '@wage/domain';
import { type ApiClient, sleep } from './api-client';
import type { GroundTruth } from './truth';

export interface RaisedAlert {
  projectCode: string;
  code: RuleCode;
  month: Month | null;
  severity: Severity;
  status: string;
}

export interface Comparison {
  expected: number;
  found: number;
  matched: number;
  missed: RaisedAlert[];
  falseAlerts: RaisedAlert[];
  /** Matched on code, project and month, raised with another severity. */
  severityMismatches: {
    projectCode: string;
    code: RuleCode;
    month: Month | null;
    expected: Severity;
    found: Severity;
  }[];
  /** Per code: expected and found, each by severity. */
  byCode: Record<
    string,
    { expected: Record<string, number>; found: Record<string, number>; missed: number; falseAlerts: number }
  >;
  cleanProjects: number;
  cleanProjectsWithAlerts: number;
}

export type AlertSource = (projectCodes: ReadonlySet<string>) => Promise<RaisedAlert[]>;

/** Alert states that still stand; CLEARED, RESOLVED and DISMISSED ones are history. */
const STANDING = new Set(['OPEN', 'ACKNOWLEDGED']);

export interface SettleOptions {
  asOf: Date;
  /** Where the standing alerts are read; default GET /api/v1/alerts as the administrator. */
  alertSource?: AlertSource;
  /** How long to wait for the platform to absorb what was pushed before comparing what it shows. */
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * Runs the evaluation as of `asOf` for every month the truth covers, again and again until a round changes
 * nothing (the rules engine has caught up with every event) and the alert service shows what the truth expects,
 * or the time is up; then compares. The platform absorbs events asynchronously, so a single evaluation right
 * after the push could run on half the data.
 */
export async function evaluateAndCompare(
  client: ApiClient,
  adminKey: string,
  truth: GroundTruth,
  { asOf, timeoutMs, log, alertSource }: SettleOptions,
): Promise<Comparison> {
  const ours = new Set(truth.projects.map((p) => p.code));
  const standing = alertSource ?? ((codes: ReadonlySet<string>) => standingAlerts(client, adminKey, codes));
  const started = Date.now();
  let quietRounds = 0;
  let comparison: Comparison | undefined;
  for (let round = 1; ; round += 1) {
    let changes = 0;
    for (const month of truth.evaluatedMonths) {
      const counts = await client.call<{ raised: number; updated: number; cleared: number }>(
        'POST',
        '/evaluations',
        {
          token: adminKey,
          body: { month, asOf: asOf.toISOString() },
        },
      );
      changes += counts.raised + counts.updated + counts.cleared;
    }
    quietRounds = changes === 0 ? quietRounds + 1 : 0;
    comparison = compare(truth, await standing(ours));
    const matches = comparison.missed.length === 0 && comparison.falseAlerts.length === 0;
    log(
      `evaluation round ${round}: ${changes} changes; ${comparison.found} alerts standing, ${comparison.expected} expected`,
    );
    if (quietRounds >= 2 && matches) return comparison;
    if (quietRounds >= 3 && Date.now() - started > timeoutMs) return comparison;
    await sleep(2_000);
  }
}

async function standingAlerts(
  client: ApiClient,
  adminKey: string,
  ours: ReadonlySet<string>,
): Promise<RaisedAlert[]> {
  const alerts: RaisedAlert[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await client.call<{ items: RaisedAlert[]; total: number; pageSize: number }>(
      'GET',
      `/alerts?page=${page}&pageSize=200`,
      { token: adminKey },
    );
    alerts.push(...answer.items.filter((a) => ours.has(a.projectCode) && STANDING.has(a.status)));
    if (page * answer.pageSize >= answer.total || answer.items.length === 0) return alerts;
  }
}

export function compare(truth: GroundTruth, raised: readonly RaisedAlert[]): Comparison {
  const key = (a: { projectCode: string; code: string; month: string | null }) =>
    `${a.projectCode}|${a.code}|${a.month ?? ''}`;
  const expected = truth.projects.flatMap((p) =>
    p.expected.map((e) => ({ ...e, projectCode: p.code, status: 'OPEN' as string })),
  );
  const expectedByKey = new Map(expected.map((e) => [key(e), e]));
  const raisedByKey = new Map(raised.map((a) => [key(a), a]));
  const byCode: Comparison['byCode'] = {};
  const tally = (code: string) => (byCode[code] ??= { expected: {}, found: {}, missed: 0, falseAlerts: 0 });
  for (const e of expected)
    tally(e.code).expected[e.severity] = (tally(e.code).expected[e.severity] ?? 0) + 1;
  for (const a of raised) tally(a.code).found[a.severity] = (tally(a.code).found[a.severity] ?? 0) + 1;
  const missed = expected.filter((e) => !raisedByKey.has(key(e)));
  const falseAlerts = raised.filter((a) => !expectedByKey.has(key(a)));
  missed.forEach((m) => (tally(m.code).missed += 1));
  falseAlerts.forEach((f) => (tally(f.code).falseAlerts += 1));
  const severityMismatches = raised.flatMap((a) => {
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
  const clean = new Set(truth.projects.filter((p) => p.clean).map((p) => p.code));
  return {
    expected: expected.length,
    found: raised.length,
    matched: expected.length - missed.length,
    missed,
    falseAlerts,
    severityMismatches,
    byCode,
    cleanProjects: clean.size,
    cleanProjectsWithAlerts: new Set(raised.filter((a) => clean.has(a.projectCode)).map((a) => a.projectCode))
      .size,
  };
}

const SEVERITIES = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];

/** The terminal summary: per code, expected and found by severity, then what was missed or raised falsely. */
export function formatComparison(comparison: Comparison): string {
  const by = (counts: Record<string, number>) =>
    SEVERITIES.filter((s) => counts[s])
      .map((s) => `${s} ${counts[s]}`)
      .join(', ') || '-';
  const lines = [
    `${'code'.padEnd(30)} ${'expected'.padEnd(28)} ${'found'.padEnd(28)} missed  false`,
    ...Object.entries(comparison.byCode)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([code, c]) =>
          `${code.padEnd(30)} ${by(c.expected).padEnd(28)} ${by(c.found).padEnd(28)} ${String(c.missed).padEnd(7)} ${c.falseAlerts}`,
      ),
    '',
    `alerts: ${comparison.expected} expected, ${comparison.found} found, ${comparison.matched} matched, ` +
      `${comparison.missed.length} missed, ${comparison.falseAlerts.length} false, ` +
      `${comparison.severityMismatches.length} with another severity`,
    `clean projects: ${comparison.cleanProjects}, with any alert: ${comparison.cleanProjectsWithAlerts}`,
    ...comparison.missed.map((a) => `  missed ${a.code} ${a.projectCode} ${a.month ?? ''}`),
    ...comparison.falseAlerts.map(
      (a) => `  false  ${a.code} ${a.projectCode} ${a.month ?? ''} (${a.severity})`,
    ),
    ...comparison.severityMismatches.map(
      (a) =>
        `  severity ${a.code} ${a.projectCode} ${a.month ?? ''}: expected ${a.expected}, found ${a.found}`,
    ),
  ];
  return lines.join('\n');
}
