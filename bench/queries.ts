import { performance } from 'node:perf_hooks';
import { monthBack } from './fixtures';
import { api, type Stack } from './stack';
import { envInt, log, spread } from './stats';

// A city of its own, apart from the districts the other benchmarks' projects feed through the projections.
const CITY = '350500';
const DISTRICTS = ['350502', '350503', '350504', '350505', '350521', '350524'];

/**
 * Coverage and arrears for a city of `projects` projects over 12 months, generated in SQL into report-service's
 * read model and its per-district aggregates (as its projections would have left them), queried through the
 * gateway by a LEADER of the city.
 */
export async function benchQueries(stack: Stack) {
  const projects = envInt('BENCH_QUERY_PROJECTS', 100_000);
  const requests = envInt('BENCH_QUERY_REQUESTS', 200);
  const months = Array.from({ length: 12 }, (_, i) => monthBack(11 - i));
  const generateStart = performance.now();
  await stack.pg.query(
    `INSERT INTO reports.project_months
       SELECT 'BENCH-Q-' || p, m, ($3::text[])[1 + p % array_length($3::text[], 1)], p % 10 <> 0,
              p % 7 <> 0, p % 11 <> 0, p % 5 <> 0, p % 3 <> 0, p % 4 <> 0,
              40 + p % 60, 40 + p % 60 - (p % 4 = 0)::int * 5, (40 + p % 60) * 900000,
              (40 + p % 60) * 900000 - (p % 4 = 0)::int * 4500000, now()
       FROM generate_series(1, $1::int) p, unnest($2::text[]) m`,
    [projects, months, DISTRICTS],
  );
  await stack.pg.query(
    `INSERT INTO reports.coverage_by_region_month
       SELECT month, region_code, count(*) FILTER (WHERE in_construction),
              count(*) FILTER (WHERE in_construction AND real_name), count(*) FILTER (WHERE in_construction),
              count(*) FILTER (WHERE in_construction AND wage_account), count(*) FILTER (WHERE in_construction),
              count(*) FILTER (WHERE in_construction AND deposit), count(*) FILTER (WHERE in_construction),
              count(*) FILTER (WHERE in_construction AND bank_payroll), count(*) FILTER (WHERE in_construction),
              count(*) FILTER (WHERE in_construction AND monthly_full_payment), count(*) FILTER (WHERE in_construction),
              count(*) FILTER (WHERE in_construction AND real_name AND wage_account AND deposit AND bank_payroll
                                AND monthly_full_payment),
              count(*) FILTER (WHERE in_construction)
       FROM reports.project_months WHERE project_code LIKE 'BENCH-Q-%' GROUP BY month, region_code`,
  );
  const codes = ['WAGE_ARREARS', 'WAGE_UNDERPAID', 'PAY_SHEET_MISSING', 'DEPOSIT_SHORTFALL'];
  const severities = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];
  await stack.pg.query(
    `INSERT INTO reports.alerts
       SELECT pm.project_code || ':' || c || ':' || pm.month, c, ($2::text[])[1 + abs(hashtext(pm.project_code)) % 4],
              pm.project_code, pm.region_code, pm.month, true, 5, 4500000, now()
       FROM reports.project_months pm, unnest($1::text[]) c
       WHERE pm.project_code LIKE 'BENCH-Q-%' AND NOT pm.monthly_full_payment AND abs(hashtext(pm.project_code || c)) % 3 = 0`,
    [codes, severities],
  );
  await stack.pg.query(
    `INSERT INTO reports.arrears_by_region_month
       SELECT month, region_code, code, severity, count(*), sum(workers_affected), sum(amount_outstanding_fen)
       FROM reports.alerts WHERE open AND project_code LIKE 'BENCH-Q-%' GROUP BY month, region_code, code, severity`,
  );
  await stack.pg.query(
    `ANALYZE reports.project_months, reports.coverage_by_region_month, reports.alerts, reports.arrears_by_region_month`,
  );
  const counts = (
    await stack.pg.query(
      `SELECT (SELECT count(*) FROM reports.project_months)::int AS "projectMonths",
              (SELECT count(*) FROM reports.alerts)::int AS alerts`,
    )
  ).rows[0];
  log(`queries: generated ${JSON.stringify(counts)} in ${Math.round(performance.now() - generateStart)} ms`);

  const password = 'bench-leader-password-1';
  await api(stack.gateway, 'POST', '/users', stack.adminKey, {
    username: 'bench-leader',
    password,
    role: 'LEADER',
    regionCode: CITY,
    displayName: '基准领导',
  });
  const { accessToken } = await api<{ accessToken: string }>(stack.gateway, 'POST', '/auth/login', '', {
    username: 'bench-leader',
    password,
  });
  const month = months.at(-2)!;
  const paths = {
    coverage: `/coverage?regionCode=${CITY}&month=${month}`,
    coverageTrend: `/coverage/trend?regionCode=${CITY}&from=${months[0]}&to=${months.at(-1)}`,
    arrears: `/arrears?regionCode=${CITY}&month=${month}`,
  };
  const result: Record<string, unknown> = {
    what:
      `${projects} projects in ${DISTRICTS.length} districts of ${CITY} × 12 months (${counts.projectMonths} project-months, ` +
      `${counts.alerts} open alerts), ${requests} sequential GETs per query through the gateway with a LEADER token, after 10 warm-up`,
  };
  Object.assign(result, await timeGets(stack, paths, accessToken, requests, 'queries'));
  result.workbench = await benchWorkbench(stack, accessToken, requests);
  const plan = await stack.pg.query(
    `EXPLAIN (ANALYZE, FORMAT TEXT) SELECT region_code, sum(projects_in_construction)
     FROM reports.coverage_by_region_month WHERE month = $1 AND region_code LIKE $2 GROUP BY 1`,
    [month, '3505%'],
  );
  result.coveragePlan = plan.rows.map((r) => r['QUERY PLAN']);
  return result;
}

/**
 * The workbench's paged alert list over `BENCH_WORKBENCH_ALERTS` alerts (1,000,000) of the same city in
 * alert-service, as the console asks for it (open=true, sort=urgency, 50 a page, with the caseload counts), and the
 * 20th page of everything newest first. One in fifty is still open or acknowledged, the rest cleared or resolved.
 */
async function benchWorkbench(stack: Stack, accessToken: string, requests: number) {
  const alerts = envInt('BENCH_WORKBENCH_ALERTS', 1_000_000);
  const generateStart = performance.now();
  await stack.pg.query(
    `INSERT INTO alerts.alerts (alert_key, code, severity, status, project_code, region_code, month, title, evidence,
       raised_at, updated_at, cleared_at, detected_at, severity_since)
     SELECT 'BENCH-W-' || g, 'WAGE_ARREARS', ($2::text[])[1 + g % 4],
            CASE WHEN g % 100 = 0 THEN 'OPEN' WHEN g % 100 = 1 THEN 'ACKNOWLEDGED' WHEN g % 2 = 0 THEN 'CLEARED'
                 ELSE 'RESOLVED' END,
            'BENCH-W-P' || (g % 100000), ($3::text[])[1 + g % array_length($3::text[], 1)], '2026-10', '拖欠工资',
            '{"workersAffected": 3, "workers": [], "amounts": {}, "transactions": [], "parameters": {}, "facts": {}}',
            now() - g * interval '20 seconds', now(), CASE WHEN g % 100 > 1 THEN now() END,
            now() - g * interval '20 seconds', now() - g * interval '20 seconds'
     FROM generate_series(1, $1::int) g`,
    [alerts, ['BLUE', 'YELLOW', 'ORANGE', 'RED'], DISTRICTS],
  );
  // As autovacuum would have left a table of years of alerts: statistics and the visibility map.
  await stack.pg.query('VACUUM ANALYZE alerts.alerts');
  const generatedMs = Math.round(performance.now() - generateStart);
  log(`workbench: generated ${alerts} alerts in ${generatedMs} ms`);
  const paths = {
    openByUrgency: `/alerts?open=true&sort=urgency&page=1&pageSize=50`,
    allRecentPage20: `/alerts?page=20&pageSize=50`,
  };
  const result: Record<string, unknown> = {
    what:
      `${alerts} alerts in ${DISTRICTS.length} districts of ${CITY} (one in fifty open or acknowledged: 20,000 in hand), ` +
      `${requests} sequential GETs per query through the gateway with the city LEADER's token, after 10 warm-up`,
    generatedMs,
  };
  Object.assign(result, await timeGets(stack, paths, accessToken, requests, 'workbench'));
  return result;
}

/** Each path GET `requests` times in a row through the gateway after 10 warm-up, with the latencies' spread. */
async function timeGets(
  stack: Stack,
  paths: Record<string, string>,
  token: string,
  requests: number,
  label: string,
): Promise<Record<string, { path: string; latencyMs: ReturnType<typeof spread> }>> {
  const timed: Record<string, { path: string; latencyMs: ReturnType<typeof spread> }> = {};
  for (const [name, path] of Object.entries(paths)) {
    for (let i = 0; i < 10; i += 1) await api(stack.gateway, 'GET', path, token);
    const samples: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const start = performance.now();
      await api(stack.gateway, 'GET', path, token);
      samples.push(performance.now() - start);
    }
    timed[name] = { path, latencyMs: spread(samples) };
    log(`${label}: ${name} p95 ${timed[name].latencyMs.p95} ms`);
  }
  return timed;
}
