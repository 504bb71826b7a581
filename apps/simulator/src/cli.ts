import { isMonth, isRegionCode } from '@wage/domain';
import { parseViolations, type SimulationOptions } from './simulation';

export const USAGE = `Simulates a district's construction projects and banks through the public API, with injected violations.

  node dist/apps/simulator/main.js [options]

  --gateway <url>      the gateway (default http://127.0.0.1:8080)
  --admin-key <key>    the administrator key (default $ADMIN_API_KEY)
  --region <code>      the district (default 350206; a city such as 350200 spreads over its districts)
  --projects <n>       projects (default 100)
  --workers <n>        workers per project on average, varied (default 40)
  --months <n>         months simulated, ending with --end-month (default 3)
  --end-month <YYYY-MM> the last month (default the last complete month)
  --seed <seed>        the same seed gives the same district (default 42)
  --violations <mix>   all | all=2 | none | WAGE_ARREARS=2,FUNDS_DIVERTED,... (default all)
  --truth <file>       where to write the ground truth (default ground-truth.json)
  --settle-seconds <s> the rules engine's ALERT_SETTLE_SECONDS, waited for before comparing
                       (default $ALERT_SETTLE_SECONDS, else 900 as the engine's default)
  --mail-catcher <url> also count the alert e-mails the mail catcher received (e.g. http://127.0.0.1:8025)
  --sms-catcher <url>  after the comparison, some workers sign in with codes from the SMS catcher and confirm or
                       dispute their month (e.g. http://127.0.0.1:8026)
  --no-evaluate        push only; do not evaluate and compare
  --no-casework        after the comparison, do not open cases from the gravest alerts nor decide two clues
`;

/** Reads the command line; throws with what is wrong. */
export function parseArguments(argv: readonly string[], env: NodeJS.ProcessEnv): SimulationOptions | 'help' {
  const values = new Map<string, string>();
  let evaluate = true;
  let casework = true;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-evaluate') {
      evaluate = false;
      continue;
    }
    if (arg === '--no-casework') {
      casework = false;
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (!name.startsWith('--')) throw new Error(`unexpected argument "${arg}"; see --help`);
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`${name} needs a value; see --help`);
    values.set(name.slice(2), value);
  }
  const known = [
    'gateway',
    'admin-key',
    'region',
    'projects',
    'workers',
    'months',
    'end-month',
    'seed',
    'violations',
    'truth',
    'settle-seconds',
    'mail-catcher',
    'sms-catcher',
  ];
  for (const name of values.keys())
    if (!known.includes(name)) throw new Error(`unknown option --${name}; see --help`);
  const count = (name: string, fallback: number, min: number) => {
    const value = Number(values.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be a whole number of at least ${min}`);
    return value;
  };
  const settle = values.get('settle-seconds') ?? env.ALERT_SETTLE_SECONDS ?? '900';
  if (!/^\d+$/.test(settle))
    throw new Error('--settle-seconds (or ALERT_SETTLE_SECONDS) must be a whole number of seconds');
  const mailCatcher = values.get('mail-catcher');
  if (mailCatcher !== undefined && !/^https?:\/\/\S+$/.test(mailCatcher))
    throw new Error('--mail-catcher must be an http:// URL, e.g. http://127.0.0.1:8025');
  const smsCatcher = values.get('sms-catcher');
  if (smsCatcher !== undefined && !/^https?:\/\/\S+$/.test(smsCatcher))
    throw new Error('--sms-catcher must be an http:// URL, e.g. http://127.0.0.1:8026');
  const adminKey = values.get('admin-key') ?? env.ADMIN_API_KEY;
  if (!adminKey) throw new Error('give the administrator key with --admin-key or ADMIN_API_KEY');
  const region = values.get('region') ?? '350206';
  if (!isRegionCode(region) || region === '000000')
    throw new Error('--region must be a six-digit GB/T 2260 code, e.g. 350206');
  const endMonth = values.get('end-month');
  if (endMonth !== undefined && !isMonth(endMonth))
    throw new Error('--end-month must be YYYY-MM, e.g. 2026-10');
  return {
    gateway: values.get('gateway') ?? 'http://127.0.0.1:8080',
    adminKey,
    region,
    projects: count('projects', 100, 1),
    workers: count('workers', 40, 4),
    months: count('months', 3, 2),
    ...(endMonth && { endMonth }),
    seed: values.get('seed') ?? '42',
    violations: parseViolations(values.get('violations') ?? 'all'),
    truthFile: values.get('truth') ?? 'ground-truth.json',
    settleSeconds: Number(settle),
    ...(mailCatcher && { mailCatcher }),
    ...(smsCatcher && { smsCatcher }),
    evaluate,
    casework,
  };
}
