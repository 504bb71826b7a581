import {
  addCalendarDays,
  dateInShanghai,
  daysInMonth,
  endOfDayShanghai,
  firstDayOfMonth,
  type Fen,
  type IsoDate,
  lastDayOfMonth,
  type Month,
  monthOf,
  monthOfDate,
  monthRange,
  nextMonth,
  previousMonth,
  RULE_CODES,
  type RuleCode,
  startOfDayShanghai,
  addWorkingDays,
  isWorkingDay,
  wageDeadline,
} from '@wage/domain';
import { IdentityFactory, pad, TRADES } from './identities';
import { Random } from './random';

/** Grace days of the national defaults: the simulator plans against them (a region may override them). */
const GRACE_DAYS = 2;
const LOOKAHEAD_DAYS = 5;
const APPROPRIATION_GRACE_DAYS = 10;
/** Transactions per request: a bank's daily file, or a slice of the history it sends when a district joins. */
export const TRANSACTION_BATCH = 500;
/** Working days payment rules wait for a bank feed (bankFeedLagDays); BANK_FEED_STALE is YELLOW at twice it. */
export const BANK_FEED_LAG_DAYS = 3;

export interface PlanOptions {
  seed: string;
  /**
   * Every project delivers the plain way: JSON roll, records before the bank, the bank's history in bulk. The fault
   * suites use it so that a fault, not the delivery, is what they measure.
   */
  plainDelivery?: boolean;
  regionCode: string;
  projects: number;
  /** Workers per project on average; each project varies around it. */
  workers: number;
  months: number;
  /** The last month simulated; default the last complete month before `asOf`. */
  endMonth?: Month;
  /** How many projects each rule is injected into. */
  violations: Partial<Record<RuleCode, number>>;
  /** The instant the district is planned as of: nothing is dated after it. */
  asOf: Date;
}

export interface PlannedWorker {
  idNumber: string;
  name: string;
  phone: string;
  bankCard: { bankCode: string; cardNumber: string };
  team: string;
  trade: string;
  entryDate: IsoDate;
  exitDate?: IsoDate;
  dailyWageFen: Fen;
}

export interface PlannedTransaction {
  serialNo: string;
  occurredAt: Date;
  direction: 'CREDIT' | 'DEBIT';
  kind: 'APPROPRIATION' | 'PAYROLL' | 'WITHDRAWAL' | 'TRANSFER' | 'FEE';
  amountFen: Fen;
  /** No account for a cash withdrawal (现金支取). */
  counterparty: { name: string; accountNumber?: string; idNumber?: string };
  payrollMonth?: Month;
  memo?: string;
}

export interface PlannedDeposit {
  form: 'CASH' | 'GUARANTEE';
  amountFen: Fen;
  effectiveOn: IsoDate;
  expiresOn?: IsoDate;
  reference: string;
}

export interface Injection {
  code: RuleCode;
  /** The month the alert is about (for transaction rules: the month the debit occurred); null project-wide. */
  month: Month | null;
  how: string;
}

/**
 * How a project's data reach the platform — the ways real districts deliver, so that the alerts prove they
 * survive them. Every project pushes its roll first; the rest varies.
 */
export interface Delivery {
  /** The roll as JSON (`PUT …/workers`) or as the clerk's CSV file (`POST …/workers/import`). */
  roll: 'json' | 'csv';
  /** Attendance and pay sheets before the bank's transactions (a sheet before its payroll), or after them. */
  order: 'records-first' | 'bank-first';
  /** The bank's history a day per request, or in bulk (the district joining with months of history). */
  bankBatches: 'daily' | 'bulk';
}

/**
 * What the bank sends of the account's feed and what it states about it (`statementThrough` on each batch).
 * A current feed is sent and stated complete through the plan's instant; a late one only through `sentThrough`
 * (what happened after reaches the platform later); a stale one is sent but stated complete only through
 * `statedThrough`, after which the bank's batches carry no statement.
 */
export interface BankFeed {
  sentThrough: Date;
  statedThrough: Date;
}

/** An administrator's status change (停工), pushed after the project's records. */
export interface PlannedStatusChange {
  status: 'SUSPENDED' | 'COMPLETED';
  effectiveDate: IsoDate;
  reason: string;
}

export interface PlannedProject {
  code: string;
  name: string;
  regionCode: string;
  contractor: { name: string; creditCode: string };
  owner: { name: string; creditCode: string };
  contractAmountFen: Fen;
  startDate: IsoDate;
  plannedEndDate: IsoDate;
  payday: number;
  bankCode: string;
  account: { accountNumber: string; openedOn: IsoDate } | null;
  workers: PlannedWorker[];
  attendance: { month: Month; records: { idNumber: string; daysWorked: number }[] }[];
  paySheets: { month: Month; lines: { idNumber: string; grossPayFen: Fen; netPayFen: Fen }[] }[];
  /** What the bank sends, in order; nothing after `feed.sentThrough`. */
  transactions: PlannedTransaction[];
  feed: BankFeed;
  deposits: PlannedDeposit[];
  statusChanges: PlannedStatusChange[];
  delivery: Delivery;
  injections: Injection[];
}

export interface DistrictPlan {
  seed: string;
  asOf: Date;
  months: Month[];
  banks: { code: string; name: string }[];
  projects: PlannedProject[];
}

const BANKS = [
  { suffix: 'ICBC', name: '中国工商银行厦门分行', accountPrefix: '4100' },
  { suffix: 'CCB', name: '中国建设银行厦门分行', accountPrefix: '3515' },
  { suffix: 'XMRCB', name: '厦门农村商业银行', accountPrefix: '9070' },
];

/** Xiamen's districts, for a district spread over a city or province region. */
const XIAMEN_DISTRICTS = ['350203', '350205', '350206', '350211', '350212', '350213'];

/**
 * Plans a district: projects, their rolls, attendance, pay sheets, the banks' transactions and the deposits, with
 * the chosen violations injected into chosen projects. Pure: the same options give the same plan.
 */
export function planDistrict(options: PlanOptions): DistrictPlan {
  const random = new Random(`wage-guard-simulator:${options.seed}`);
  const ids = new IdentityFactory(random.fork('identities'));
  const today = dateInShanghai(options.asOf);
  const endMonth = options.endMonth ?? previousMonth(monthOf(options.asOf));
  if (endMonth >= monthOf(options.asOf)) {
    throw new Error(
      `--end-month ${endMonth} is not complete yet on ${today}; give ${previousMonth(monthOf(options.asOf))} or earlier`,
    );
  }
  if (options.months < 2)
    throw new Error('--months must be at least 2: a month is settled only after the next one');
  let firstMonth = endMonth;
  for (let i = 1; i < options.months; i += 1) firstMonth = previousMonth(firstMonth);
  const months = monthRange(firstMonth, endMonth);
  const safeSeed = options.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) || 'X';
  const banks = BANKS.map((bank) => ({ ...bank, code: `SIM${safeSeed}-${bank.suffix}` }));

  const assignments = assignViolations(options);
  const regions = options.regionCode.endsWith('00') ? XIAMEN_DISTRICTS : [options.regionCode];
  const context: ProjectContext = { options, ids, today, months, endMonth, banks, fundsDiverted: 0 };
  // Two clean projects play what clean districts also do: one is suspended mid-way, one's bank feed is late.
  const clean = assignments.flatMap((codes, i) => (codes.length === 0 ? [i] : []));
  const roles = new Map<number, CleanRole>([
    [clean[0], 'suspended'],
    [clean[1], 'late-feed'],
  ]);
  const projects = assignments.map((codes, index) =>
    planProject(
      context,
      random.fork(`project-${index}`),
      index,
      codes,
      regions[index % regions.length],
      safeSeed,
      roles.get(index) ??
        (codes.length === 0 && random.fork(`late-${index}`).chance(0.15) ? 'late-feed' : null),
      options.plainDelivery
        ? { roll: 'json', order: 'records-first', bankBatches: 'bulk' }
        : deliveryOf(random.fork(`delivery-${index}`), index),
    ),
  );
  shareCards(
    projects.filter((_, i) => assignments[i].includes('SHARED_BANK_CARD')),
    random.fork('shared-cards'),
  );
  return {
    seed: options.seed,
    asOf: options.asOf,
    months,
    banks: banks.map(({ code, name }) => ({ code, name })),
    projects,
  };
}

/**
 * The rules a district's data can break. WORKER_PAY_DISPUTED comes from workers' own answers on the workers'
 * channel (signed in by SMS code), RECTIFICATION_OVERDUE from an inspector's order on a case, not from what projects
 * and banks report: no injection makes them.
 */
export const INJECTABLE_CODES: readonly RuleCode[] = RULE_CODES.filter(
  (code) => code !== 'WORKER_PAY_DISPUTED' && code !== 'RECTIFICATION_OVERDUE',
);

/** Which rules each project gets: injected projects first, spread by a shuffle; SHARED_BANK_CARD takes a pair. */
function assignViolations(options: PlanOptions): RuleCode[][] {
  const projects: RuleCode[][] = Array.from({ length: options.projects }, () => []);
  const wanted: RuleCode[] = [];
  for (const code of INJECTABLE_CODES) {
    const count = options.violations[code] ?? 0;
    for (let i = 0; i < count; i += 1) wanted.push(code, ...(code === 'SHARED_BANK_CARD' ? [code] : []));
  }
  if (wanted.length > options.projects) {
    throw new Error(
      `the violations need ${wanted.length} projects (one each, two for SHARED_BANK_CARD) but --projects is ${options.projects}`,
    );
  }
  // Spread over the district deterministically: every k-th project, so clean and injected projects interleave.
  const order = Array.from({ length: options.projects }, (_, i) => i);
  const step = Math.max(1, Math.floor(options.projects / Math.max(1, wanted.length)));
  const slots = order.filter((i) => i % step === 0).concat(order.filter((i) => i % step !== 0));
  wanted.forEach((code, i) => projects[slots[i]].push(code));
  return projects;
}

interface ProjectContext {
  options: PlanOptions;
  ids: IdentityFactory;
  today: IsoDate;
  months: Month[];
  endMonth: Month;
  banks: { code: string; name: string; accountPrefix: string }[];
  /** FUNDS_DIVERTED injections planned so far: the first is a cash withdrawal, the next a transfer, and so on. */
  fundsDiverted: number;
}

type CleanRole = 'suspended' | 'late-feed' | null;

/** The second project uploads a CSV roll and the third sends its bank feed first, so small districts have both. */
function deliveryOf(random: Random, index: number): Delivery {
  return {
    roll: index === 1 || random.chance(0.2) ? 'csv' : 'json',
    order: index === 2 || random.chance(0.3) ? 'bank-first' : 'records-first',
    bankBatches: index === 3 || random.chance(0.2) ? 'bulk' : 'daily',
  };
}

function planProject(
  context: ProjectContext,
  random: Random,
  index: number,
  codes: RuleCode[],
  regionCode: string,
  safeSeed: string,
  role: CleanRole,
  delivery: Delivery,
): PlannedProject {
  const { options, ids, today, months, endMonth } = context;
  const inject = new Set(codes);
  const asOf = options.asOf;
  const injections: Injection[] = [];
  const note = (code: RuleCode, month: Month | null, how: string) => injections.push({ code, month, how });

  // ── when it starts and when it pays ──
  let startMonth = months[0];
  if (!inject.size && months.length >= 3 && random.chance(0.15)) startMonth = months[1];
  let payday = random.int(10, 20);
  if (inject.has('ACCOUNT_BALANCE_SHORTFALL')) payday = paydayWatchedToday(endMonth, asOf) ?? payday;
  if (inject.has('BANK_FEED_STALE')) payday = 10; // early, so that a deadline is twice the lag behind
  if (inject.has('NO_WAGE_ACCOUNT')) {
    // Recently started: past the 30 days to open an account, but no wage deadline passed yet.
    const late = paydayNotYetDue(endMonth, asOf);
    if (late !== null && today > addCalendarDays(firstDayOfMonth(endMonth), 30)) {
      startMonth = endMonth;
      payday = late;
    }
  }
  if (inject.has('LABOR_COST_NOT_APPROPRIATED') && laborCostMonth(months, startMonth, asOf) === null) {
    startMonth = previousMonth(months[0]);
  }
  const startDate =
    inject.has('NO_WAGE_ACCOUNT') && startMonth === endMonth
      ? firstDayOfMonth(startMonth)
      : `${startMonth}-${pad(random.int(1, 10))}`;
  const projectMonths = monthRange(startMonth, endMonth);
  const settled = [...projectMonths]
    .reverse()
    .find((m) => wageDeadline(m, { payday, graceDays: GRACE_DAYS }).deadlineInstant < asOf);

  // 停工 from the 15th of the last month: work stops the day before, wages already due stay due.
  const statusChanges: PlannedStatusChange[] =
    role === 'suspended' && startMonth < endMonth
      ? [{ status: 'SUSPENDED', effectiveDate: `${endMonth}-15`, reason: '建设单位资金未到位，项目停工' }]
      : [];
  const workUntil = statusChanges[0] ? addCalendarDays(statusChanges[0].effectiveDate, -1) : null;

  const bank = random.pick(context.banks);
  const code = `SIM-${safeSeed}-${String(index + 1).padStart(4, '0')}`;
  const contractAmountFen = random.int(500, 12_000) * 1_000_000; // ¥5m – ¥120m, whole ten-thousands
  const account = inject.has('NO_WAGE_ACCOUNT')
    ? null
    : {
        accountNumber: `${bank.accountPrefix}${ids.phone().slice(1)}${random.digits(5)}`,
        openedOn: addCalendarDays(startDate, random.int(1, 10)),
      };
  if (account === null) note('NO_WAGE_ACCOUNT', null, 'no dedicated wage account opened');

  // ── the roll: teams of one trade each, entries and exits over the months ──
  const size = Math.max(4, Math.round(options.workers * (0.7 + random.next() * 0.6)));
  const teams = Array.from({ length: Math.max(2, Math.min(6, Math.round(size / 8))) }, () =>
    random.pick(TRADES),
  );
  const workers: PlannedWorker[] = [];
  for (let i = 0; i < size; i += 1) {
    const team = teams[i % teams.length];
    const leader = workers.find((w) => w.trade === team.trade);
    const entryMonth = random.chance(0.8) ? startMonth : random.pick(projectMonths);
    const entryDate =
      entryMonth === startMonth
        ? addCalendarDays(startDate, random.int(0, 5))
        : `${entryMonth}-${pad(random.int(1, 20))}`;
    const exitMonth = random.chance(0.12) ? random.pick(projectMonths) : undefined;
    const exitDate =
      exitMonth === undefined
        ? undefined
        : `${exitMonth}-${pad(Math.min(daysInMonth(exitMonth), random.int(21, 28)))}`;
    workers.push({
      idNumber: ids.identityNumber(),
      name: ids.personName(),
      phone: ids.phone(),
      bankCard: ids.bankCard(),
      team: `${leader ? leader.name.slice(0, 1) : ids.personName().slice(0, 1)}家${team.team}`,
      trade: team.trade,
      entryDate,
      ...(exitDate !== undefined && exitDate >= entryDate && { exitDate }),
      dailyWageFen: random.int(team.dailyWage[0], team.dailyWage[1]) * 100,
    });
  }

  // ── attendance and pay sheets, one of each per month worked ──
  const attendance: PlannedProject['attendance'] = [];
  const paySheets: PlannedProject['paySheets'] = [];
  const netByMonth = new Map<Month, Map<string, Fen>>();
  for (const month of projectMonths) {
    const records: { idNumber: string; daysWorked: number }[] = [];
    const lines: { idNumber: string; grossPayFen: Fen; netPayFen: Fen }[] = [];
    for (const worker of workers) {
      const from = [worker.entryDate, firstDayOfMonth(month)].sort()[1];
      const to = [
        worker.exitDate ?? lastDayOfMonth(month),
        lastDayOfMonth(month),
        workUntil ?? '9999-12-31',
      ].sort()[0];
      const activeDays = from <= to ? (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 : 0;
      if (activeDays < 1) continue;
      const daysWorked = Math.max(1, Math.round(activeDays * (0.7 + random.next() * 0.2)));
      const grossPayFen = daysWorked * worker.dailyWageFen;
      // 借支 (advances) and the like come off the gross; whole yuan
      const netPayFen = grossPayFen - Math.round((grossPayFen * random.int(0, 3)) / 100 / 100) * 100;
      records.push({ idNumber: worker.idNumber, daysWorked });
      lines.push({ idNumber: worker.idNumber, grossPayFen, netPayFen });
    }
    if (records.length === 0) continue;
    if (inject.has('ABNORMAL_PAYOUT') && month === settled) {
      // The team leader draws the whole team's pay on his own card (代领)
      lines[0] = { ...lines[0], grossPayFen: 5_680_000, netPayFen: 5_680_000 };
    }
    attendance.push({ month, records });
    paySheets.push({ month, lines });
    netByMonth.set(month, new Map(lines.map((l) => [l.idNumber, l.netPayFen])));
  }
  const sheetTotal = (month: Month) =>
    [...(netByMonth.get(month)?.values() ?? [])].reduce((a, b) => a + b, 0);

  // ── injected gaps in what the project reports ──
  if (inject.has('PAY_SHEET_MISSING')) {
    const month = paySheets[0]?.month;
    if (month !== undefined) {
      paySheets.splice(0, 1);
      note('PAY_SHEET_MISSING', month, 'attendance reported, no pay sheet; wages paid anyway');
    }
  }
  if (inject.has('REAL_NAME_GAP') && settled !== undefined) {
    const at = attendance.findIndex((a) => a.month === settled);
    if (at >= 0) {
      attendance.splice(at, 1);
      note('REAL_NAME_GAP', settled, 'pay sheet and payroll, but no attendance reported');
    }
  }

  // ── the bank's records: appropriations, payroll on payday, fees, and what was injected ──
  const transactions: PlannedTransaction[] = [];
  let serial = 0;
  const add = (tx: Omit<PlannedTransaction, 'serialNo'>) => {
    if (account === null || tx.occurredAt >= asOf) return;
    serial += 1;
    const day = dateInShanghai(tx.occurredAt).replace(/-/g, '');
    transactions.push({
      ...tx,
      serialNo: `${bank.code.slice(-4)}${day}${code.slice(-4)}${String(serial).padStart(5, '0')}`,
    });
  };
  const at = (date: IsoDate, time: string) => new Date(`${date}T${time}+08:00`);
  const owner = { name: ids.ownerName(), creditCode: ids.creditCode(regionCode) };
  const ownerAccount = `${random.int(1, 9)}${random.digits(17)}`;
  const bankAccount = `${bank.accountPrefix}${random.digits(12)}`;

  const skipAppropriation = inject.has('LABOR_COST_NOT_APPROPRIATED')
    ? laborCostMonth(projectMonths, startMonth, asOf)
    : null;
  // room for the injected debits, appropriated with the first month
  const extrasFen = inject.has('FUNDS_DIVERTED') || inject.has('PAYEE_NOT_ON_ROSTER') ? 5_000_000 : 0;
  const appropriationMonths = [...projectMonths, nextMonth(endMonth)];
  appropriationMonths.forEach((month, i) => {
    if (account === null || month === skipAppropriation) return;
    let amountFen = Math.ceil((Math.max(sheetTotal(month), sheetTotal(endMonth)) * 1.15) / 100_000) * 100_000;
    if (month === endMonth && inject.has('ACCOUNT_BALANCE_SHORTFALL'))
      amountFen = Math.round((sheetTotal(month) * 0.3) / 100) * 100;
    if (i === 0) amountFen += extrasFen;
    const next = appropriationMonths[i + 1];
    if (skipAppropriation !== null && next === skipAppropriation) {
      amountFen += Math.ceil((sheetTotal(next) * 1.15) / 100_000) * 100_000; // two months appropriated at once
    }
    if (month === nextMonth(endMonth) && inject.has('ACCOUNT_BALANCE_SHORTFALL')) return;
    const day = [`${month}-${pad(random.int(1, 6))}`, addCalendarDays(account.openedOn, 1)].sort()[1];
    if (monthOfDate(day) !== month) return;
    add({
      occurredAt: at(day, '09:30:00'),
      direction: 'CREDIT',
      kind: 'APPROPRIATION',
      amountFen,
      counterparty: { name: owner.name, accountNumber: ownerAccount },
      memo: `${month.replace('-', '年')}月人工费用拨付`,
    });
  });
  if (skipAppropriation !== null)
    note('LABOR_COST_NOT_APPROPRIATED', skipAppropriation, 'no appropriation during the month');

  for (const month of projectMonths) {
    const net = netByMonth.get(month);
    if (net === undefined) continue;
    const due = wageDeadline(month, { payday, graceDays: 0 }).dueDate;
    if (inject.has('WAGE_ARREARS') && month === settled) {
      note('WAGE_ARREARS', month, 'the month’s wages were never paid');
      continue;
    }
    if (inject.has('ACCOUNT_BALANCE_SHORTFALL') && month === endMonth) continue; // payday still to come
    let underpaid = 0;
    workers.forEach((worker, i) => {
      let amountFen = net.get(worker.idNumber) ?? 0;
      if (amountFen === 0) return;
      if (inject.has('WAGE_UNDERPAID') && month === settled && underpaid < 3) {
        underpaid += 1;
        amountFen = Math.round((amountFen * 0.6) / 100) * 100;
      }
      add({
        occurredAt: at(due, `10:${pad(Math.floor(i / 60) % 60)}:${pad(i % 60)}`),
        direction: 'DEBIT',
        kind: 'PAYROLL',
        amountFen,
        counterparty: { name: worker.name, accountNumber: worker.bankCard.cardNumber },
        payrollMonth: month,
        memo: '代发工资',
      });
    });
    if (underpaid > 0) note('WAGE_UNDERPAID', month, `${underpaid} workers paid 60% of their net pay`);
    if (inject.has('ABNORMAL_PAYOUT') && month === settled)
      note('ABNORMAL_PAYOUT', monthOfDate(due), 'team leader paid ¥56,800 in one month');
    if (inject.has('PAYEE_NOT_ON_ROSTER') && month === settled) {
      add({
        occurredAt: at(due, '11:00:00'),
        direction: 'DEBIT',
        kind: 'PAYROLL',
        amountFen: 680_000,
        counterparty: {
          name: ids.personName(),
          accountNumber: ids.bankCard().cardNumber,
          idNumber: ids.identityNumber(),
        },
        payrollMonth: month,
        memo: '代发工资',
      });
      note('PAYEE_NOT_ON_ROSTER', monthOfDate(due), 'payroll to a card and identity not on the roll');
    }
  }
  for (const month of projectMonths) {
    add({
      occurredAt: at(`${month}-25`, '16:00:00'),
      direction: 'DEBIT',
      kind: 'FEE',
      amountFen: 1_000,
      counterparty: { name: bank.name, accountNumber: bankAccount },
      memo: '账户管理费',
    });
  }
  if (inject.has('FUNDS_DIVERTED') && settled !== undefined) {
    const cash = context.fundsDiverted % 2 === 0;
    context.fundsDiverted += 1;
    add({
      occurredAt: at(`${settled}-26`, '15:12:00'),
      direction: 'DEBIT',
      kind: 'WITHDRAWAL',
      amountFen: random.int(12, 30) * 100_000,
      counterparty: cash
        ? { name: '现金支取' }
        : { name: context.ids.contractorName(), accountNumber: `${random.int(1, 9)}${random.digits(17)}` },
      memo: cash ? '现金支取' : '转出',
    });
    note(
      'FUNDS_DIVERTED',
      settled,
      cash ? 'a cash withdrawal (现金支取)' : 'a withdrawal to a company account',
    );
  }
  transactions.sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.serialNo.localeCompare(b.serialNo),
  );
  if (inject.has('ACCOUNT_BALANCE_SHORTFALL'))
    note('ACCOUNT_BALANCE_SHORTFALL', endMonth, 'appropriated 30% of the wages before payday');

  // ── the bank's feed: current, days late (within the lag), or stated complete once and then never again ──
  let feed: BankFeed = { sentThrough: asOf, statedThrough: asOf };
  if (role === 'late-feed' && account !== null) {
    const sentThrough = lateFeedThrough(today, random.int(1, 2), transactions);
    feed = { sentThrough, statedThrough: sentThrough };
  }
  if (inject.has('BANK_FEED_STALE') && account !== null) {
    const stale = [...projectMonths]
      .reverse()
      .find((m) => staleFrom(wageDeadline(m, { payday, graceDays: GRACE_DAYS }).deadline, 2) < asOf);
    if (stale !== undefined) {
      feed = { sentThrough: asOf, statedThrough: endOfDayShanghai(lastDayOfMonth(stale)) };
      delivery = { ...delivery, bankBatches: 'daily' }; // a statement on an early day's file, then none
      note(
        'BANK_FEED_STALE',
        null,
        `the bank stated its feed complete through ${lastDayOfMonth(stale)}, then never again; payroll still sent`,
      );
    }
  }
  const sent = transactions.filter((tx) => tx.occurredAt <= feed.sentThrough);

  // ── the wage guarantee deposit: 3.5% (enough even at the 1.5 rate after arrears), cash or a letter ──
  const depositOn = addCalendarDays(startDate, random.int(2, 12));
  const standard = Math.ceil((contractAmountFen * 0.035) / 100) * 100;
  const deposits: PlannedDeposit[] = [];
  const reference = `BH${startDate.replace(/-/g, '')}${random.digits(6)}`;
  if (inject.has('DEPOSIT_SHORTFALL')) {
    deposits.push({
      form: 'CASH',
      amountFen: Math.ceil((contractAmountFen * 0.008) / 100) * 100,
      effectiveOn: depositOn,
      reference,
    });
    note('DEPOSIT_SHORTFALL', null, 'cash deposit of 0.8% of the contract');
  } else if (inject.has('DEPOSIT_GUARANTEE_EXPIRING')) {
    deposits.push({
      form: 'GUARANTEE',
      amountFen: standard,
      effectiveOn: depositOn,
      expiresOn: addCalendarDays(today, 20),
      reference,
    });
    note('DEPOSIT_GUARANTEE_EXPIRING', null, 'the guarantee letter expires in 20 days');
  } else if (random.chance(0.5)) {
    deposits.push({ form: 'CASH', amountFen: standard, effectiveOn: depositOn, reference });
  } else {
    deposits.push({
      form: 'GUARANTEE',
      amountFen: standard,
      effectiveOn: depositOn,
      expiresOn: addCalendarDays(depositOn, 730),
      reference,
    });
  }

  const contractorRegion = random.chance(0.7)
    ? regionCode
    : random.pick(['350200', '350100', '110000', '440300']);
  return {
    code,
    name: `${context.ids.projectName()}`,
    regionCode,
    contractor: { name: ids.contractorName(), creditCode: ids.creditCode(contractorRegion) },
    owner,
    contractAmountFen,
    startDate,
    plannedEndDate: addCalendarDays(startDate, random.int(540, 1_100)),
    payday,
    bankCode: bank.code,
    account,
    workers,
    attendance,
    paySheets,
    transactions: sent,
    feed,
    deposits,
    statusChanges,
    delivery,
    injections,
  };
}

/** Projects with SHARED_BANK_CARD come in pairs: the second registers a worker with a card of the first's. */
function shareCards(sharing: PlannedProject[], random: Random): void {
  for (let i = 0; i + 1 < sharing.length; i += 2) {
    const [holder, other] = [sharing[i], sharing[i + 1]];
    const card = random.pick(holder.workers).bankCard;
    const worker = random.pick(other.workers);
    const old = worker.bankCard.cardNumber;
    worker.bankCard = { ...card };
    for (const tx of other.transactions) {
      if (tx.counterparty.accountNumber === old)
        tx.counterparty = { ...tx.counterparty, accountNumber: card.cardNumber };
    }
    for (const project of [holder, other]) {
      project.injections.push({
        code: 'SHARED_BANK_CARD',
        month: null,
        how: 'a card registered for workers of two projects',
      });
    }
  }
}

/** A payday for which `asOf` falls in the balance watch before `month`'s deadline; null if none does today. */
function paydayWatchedToday(month: Month, asOf: Date): number | null {
  for (let payday = 1; payday <= 31; payday += 1) {
    const deadline = wageDeadline(month, { payday, graceDays: GRACE_DAYS });
    const watchFrom = startOfDayShanghai(addCalendarDays(deadline.deadline, -LOOKAHEAD_DAYS));
    if (watchFrom <= asOf && asOf < deadline.deadlineInstant && deadline.dueDate >= dateInShanghai(asOf))
      return payday;
  }
  return null;
}

/** The latest payday (10th or later) whose wage deadline for `month` has not passed at `asOf`, or null. */
function paydayNotYetDue(month: Month, asOf: Date): number | null {
  for (let payday = 31; payday >= 10; payday -= 1) {
    if (wageDeadline(month, { payday, graceDays: GRACE_DAYS }).deadlineInstant > asOf) return payday;
  }
  return null;
}

/** The latest month after the start whose appropriation check has passed at `asOf`. */
function laborCostMonth(months: Month[], startMonth: Month, asOf: Date): Month | null {
  return (
    [...months]
      .reverse()
      .find(
        (m) =>
          m > startMonth &&
          endOfDayShanghai(addCalendarDays(lastDayOfMonth(m), APPROPRIATION_GRACE_DAYS)) < asOf,
      ) ?? null
  );
}

/**
 * When a payment rule stops waiting for the feed of a deadline (`lagMultiple` 1), and when a stale feed turns
 * YELLOW (2): the end of the day `bankFeedLagDays` (times the multiple) working days after the deadline.
 */
export function staleFrom(deadline: IsoDate, lagMultiple = 1): Date {
  return endOfDayShanghai(addWorkingDays(deadline, BANK_FEED_LAG_DAYS * lagMultiple));
}

/**
 * A feed `workingDays` behind today — the end of that many working days ago — but never before the last
 * appropriation, which the balance watch would otherwise miss (that rule does not wait for the bank).
 */
function lateFeedThrough(
  today: IsoDate,
  workingDays: number,
  transactions: readonly PlannedTransaction[],
): Date {
  let day = today;
  for (let left = workingDays; left > 0;) {
    day = addCalendarDays(day, -1);
    if (isWorkingDay(day)) left -= 1;
  }
  const lastAppropriation = transactions.filter((tx) => tx.kind === 'APPROPRIATION').pop();
  const through = endOfDayShanghai(day);
  return lastAppropriation && lastAppropriation.occurredAt > through ? lastAppropriation.occurredAt : through;
}

/**
 * The bank's requests for an account, in order, each with the `statementThrough` the bank states: up to the
 * next transaction (nothing happened in between) or, for the last, through `feed.sentThrough` — never beyond
 * `feed.statedThrough`, and left out where that would not even cover the batch itself.
 */
export function bankBatches(
  project: Pick<PlannedProject, 'transactions' | 'feed' | 'delivery'>,
  batchSize = TRANSACTION_BATCH,
): { transactions: PlannedTransaction[]; statementThrough?: Date }[] {
  const groups: PlannedTransaction[][] = [];
  if (project.delivery.bankBatches === 'bulk') {
    for (let i = 0; i < project.transactions.length; i += batchSize)
      groups.push(project.transactions.slice(i, i + batchSize));
  } else {
    const byDay = new Map<IsoDate, PlannedTransaction[]>();
    for (const tx of project.transactions) {
      const day = dateInShanghai(tx.occurredAt);
      byDay.set(day, [...(byDay.get(day) ?? []), tx]);
    }
    for (const txs of byDay.values())
      for (let i = 0; i < txs.length; i += batchSize) groups.push(txs.slice(i, i + batchSize));
  }
  return groups.map((transactions, i) => {
    const next = groups[i + 1]?.[0];
    const natural = next ? new Date(next.occurredAt.getTime() - 1) : project.feed.sentThrough;
    const through = natural < project.feed.statedThrough ? natural : project.feed.statedThrough;
    const last = transactions[transactions.length - 1];
    return through >= last.occurredAt ? { transactions, statementThrough: through } : { transactions };
  });
}

/** The latest instant the bank has stated the feed complete through, or null if it never did. */
export function statedThrough(
  project: Pick<PlannedProject, 'transactions' | 'feed' | 'delivery'>,
): Date | null {
  const stated = bankBatches(project).flatMap((b) => (b.statementThrough ? [b.statementThrough] : []));
  return stated.length ? stated[stated.length - 1] : null;
}
