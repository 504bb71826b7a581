import { writeFile } from 'node:fs/promises';
import { type Month, type RuleCode } from '@wage/domain';
import { ApiClient } from './api-client';
import { type CaseworkResult, simulateCasework } from './casework';
import { type Comparison, evaluateAndCompare, formatComparison } from './compare';
import { type DistrictPlan, INJECTABLE_CODES, planDistrict } from './plan';
import { pushDistrict } from './push';
import { type GroundTruth, groundTruth } from './truth';
import { simulateWorkerAnswers, type WorkerAnswersResult } from './worker-answers';

export interface SimulationOptions {
  /** The gateway's origin, e.g. http://127.0.0.1:8080. */
  gateway: string;
  adminKey: string;
  region: string;
  projects: number;
  /** Workers per project on average. */
  workers: number;
  months: number;
  endMonth?: Month;
  seed: string;
  /** How many projects each rule is injected into. */
  violations: Partial<Record<RuleCode, number>>;
  /** Where to write the ground truth (JSON); none when absent. */
  truthFile?: string;
  /** Evaluate and compare after the push (default true). */
  evaluate?: boolean;
  /** The instant planned as of; default now. Nothing is dated after it. */
  asOf?: Date;
  /** How long to keep evaluating after the settle period until the alerts match; default 3 minutes. */
  settleTimeoutMs?: number;
  /** The rules engine's ALERT_SETTLE_SECONDS: how long absence verdicts stay pending before they are raised. */
  settleSeconds: number;
  /** The mail catcher's web origin, to count the e-mails inspectors received. */
  mailCatcher?: string;
  /** The SMS catcher's origin: with it, some workers sign in and confirm or dispute their month after the comparison. */
  smsCatcher?: string;
  /** After the comparison, an inspector opens cases from the gravest alerts and decides two clues (default true). */
  casework?: boolean;
  log?: (line: string) => void;
}

export interface SimulationResult {
  plan: DistrictPlan;
  truth: GroundTruth;
  comparison?: Comparison;
  casework?: CaseworkResult;
  workerAnswers?: WorkerAnswersResult;
  summary?: string;
}

/**
 * Plans a district, pushes it through the gateway, writes the ground truth and — unless told not to — runs the
 * evaluation and compares the alerts with the truth.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const log = options.log ?? (() => undefined);
  const plan = planDistrict({
    seed: options.seed,
    regionCode: options.region,
    projects: options.projects,
    workers: options.workers,
    months: options.months,
    ...(options.endMonth && { endMonth: options.endMonth }),
    violations: options.violations,
    asOf: options.asOf ?? new Date(),
  });
  const workers = plan.projects.reduce((n, p) => n + p.workers.length, 0);
  const injected = plan.projects.filter((p) => p.injections.length > 0).length;
  log(
    `planned ${plan.projects.length} projects (${injected} with injected violations), ${workers} workers, ` +
      `months ${plan.months[0]} to ${plan.months[plan.months.length - 1]}`,
  );
  const client = new ApiClient(options.gateway.replace(/\/+$/, ''));
  let lastShown = 0;
  let longest = { code: '', ms: 0 };
  await pushDistrict(
    client,
    options.adminKey,
    plan,
    ({ projectsDone, projects, requests, projectCode, projectMs }) => {
      if (projectMs > longest.ms) longest = { code: projectCode, ms: projectMs };
      if (projectsDone === projects || Date.now() - lastShown > 2_000) {
        lastShown = Date.now();
        log(`pushed ${projectsDone}/${projects} projects (${requests} requests)`);
      }
    },
  );
  // A verdict pending while one project's data are still arriving must not outlive the settle period.
  log(
    `the longest push of one project (${longest.code}) took ${(longest.ms / 1000).toFixed(1)} s; ` +
      `the settle period is ${options.settleSeconds} s` +
      (longest.ms / 1000 > options.settleSeconds / 2
        ? ' — too short to be safe: raise ALERT_SETTLE_SECONDS'
        : ''),
  );

  if (options.evaluate === false) {
    const truth = groundTruth(plan, plan.asOf);
    await writeTruth(options.truthFile, truth);
    return { plan, truth };
  }
  // The truth as of now, after the push: attendance and pay sheets count from when they were reported.
  const truth = groundTruth(plan, new Date());
  if (truth.unexplained.length > 0) {
    log(`note: ${truth.unexplained.length} expected alerts follow from no injection (see the truth file)`);
  }
  for (const u of truth.unreachable) {
    log(`note: ${u.code} injected into ${u.projectCode} cannot be reported as of ${truth.asOf} (${u.how})`);
  }
  let final = truth;
  const comparison = await evaluateAndCompare(
    client,
    options.adminKey,
    (asOf) => (final = groundTruth(plan, asOf)),
    {
      settleSeconds: options.settleSeconds,
      timeoutMs: options.settleTimeoutMs ?? 180_000,
      log,
      ...(options.mailCatcher && { mailCatcher: options.mailCatcher }),
    },
  );
  await writeTruth(options.truthFile, final);
  const casework =
    options.casework === false
      ? undefined
      : await simulateCasework(client, {
          gateway: options.gateway,
          adminKey: options.adminKey,
          region: options.region,
          plan,
          alerts: comparison.alerts,
          log,
        });
  const workerAnswers = options.smsCatcher
    ? await simulateWorkerAnswers({ gateway: options.gateway, smsCatcher: options.smsCatcher, plan, log })
    : undefined;
  return {
    plan,
    truth: final,
    comparison,
    ...(casework && { casework }),
    ...(workerAnswers && { workerAnswers }),
    summary: formatComparison(comparison),
  };
}

async function writeTruth(file: string | undefined, truth: GroundTruth): Promise<void> {
  if (file) await writeFile(file, `${JSON.stringify(truth, null, 2)}\n`, 'utf8');
}

/**
 * `all` (each rule once), `all=2`, `none`, or a list such as `WAGE_ARREARS=2,FUNDS_DIVERTED,SHARED_BANK_CARD=1`.
 */
export function parseViolations(mix: string): Partial<Record<RuleCode, number>> {
  const out: Partial<Record<RuleCode, number>> = {};
  for (const part of mix
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, countText = '1'] = part.split('=');
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`--violations: "${part}" needs a whole count, e.g. WAGE_ARREARS=2`);
    if (name === 'none') continue;
    if (name === 'all') {
      for (const code of INJECTABLE_CODES) out[code] = count;
    } else if ((INJECTABLE_CODES as string[]).includes(name)) {
      out[name as RuleCode] = count;
    } else {
      throw new Error(
        `--violations: "${name}" is not a rule code the simulator injects; use all, none or one of ${INJECTABLE_CODES.join(', ')}`,
      );
    }
  }
  return out;
}
