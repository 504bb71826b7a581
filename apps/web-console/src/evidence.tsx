import { formatFen, type Alert, type AlertCode, type Evidence } from './api';
import { cardNotMineText } from './card-not-mine';
import { label, useI18n, type Lang } from './i18n';

/**
 * Evidence as a person reads it: for each rule, what happened, the provision it breaks (保障农民工工资支付条例 unless
 * named otherwise, docs/domain.md), the deadline and how many days are past it; the workers with 应发/实发/欠付; the
 * transactions with their date, kind and amount. The raw figures the rule engine recorded stay available, folded.
 */

type Facts = Record<string, unknown>;
type Explain = (e: Evidence, facts: Facts) => string;

interface RuleText {
  /** What happened, from the evidence. */
  what: Record<Lang, Explain>;
  /** The provision the alert rests on. */
  basis: Record<Lang, string>;
}

const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const amount = (e: Evidence, name: string) =>
  e.amounts[name] === undefined ? '—' : formatFen(e.amounts[name]);
const count = (value: unknown, fallback: number) => num(value) ?? fallback;

const REGULATIONS = '《保障农民工工资支付条例》';

export const RULES: Record<AlertCode, RuleText> = {
  WAGE_ARREARS: {
    what: {
      zh: (e, f) =>
        `工资支付期限已过，${count(f.workersUnpaid, e.workersAffected)}名应发工资的工人（共${count(f.workersDue, e.workersAffected)}名）` +
        `未从农民工工资专用账户收到本月任何工资；已知应发合计${amount(e, 'netPayDueFen')}。`,
      en: (e, f) =>
        `The wage deadline has passed and ${count(f.workersUnpaid, e.workersAffected)} of the ${count(f.workersDue, e.workersAffected)} ` +
        `workers due wages have received nothing for the month from the dedicated wage account; known net pay due ${amount(e, 'netPayDueFen')}.`,
    },
    basis: {
      zh: `${REGULATIONS}第十一条至第十四条（按月足额支付；支付日遇法定节假日或休息日应提前支付）、第三十一条（通过专户直接支付到农民工本人银行账户）`,
      en: 'Regulations on Guaranteeing Payment of Migrant Workers’ Wages, Art. 11–14 (paid monthly in full; a payday on a rest day moves earlier) and Art. 31 (paid from the dedicated account into each worker’s own bank account)',
    },
  },
  WAGE_UNDERPAID: {
    what: {
      zh: (e, f) =>
        `工资支付期限已过，${count(f.workersUnderpaid, e.workersAffected)}名工人实发少于工资支付表应发：应发${amount(e, 'netPayDueFen')}，` +
        `实发${amount(e, 'paidFen')}，欠付${amount(e, 'shortfallFen')}。`,
      en: (e, f) =>
        `The wage deadline has passed and ${count(f.workersUnderpaid, e.workersAffected)} workers were paid less than their pay-sheet net pay: ` +
        `due ${amount(e, 'netPayDueFen')}, paid ${amount(e, 'paidFen')}, owed ${amount(e, 'shortfallFen')}.`,
    },
    basis: {
      zh: `${REGULATIONS}第十二条（按约定的支付周期和日期足额支付工资）、第三十一条`,
      en: 'Regulations, Art. 12 (wages paid in full on the agreed cycle and date) and Art. 31',
    },
  },
  PAY_SHEET_MISSING: {
    what: {
      zh: (e, f) =>
        `${count(f.workersWithAttendance, e.workersAffected)}名工人本月有考勤（共${count(f.daysWorked, 0)}个工日），` +
        '但工资支付期限前未报送工资支付表。',
      en: (e, f) =>
        `${count(f.workersWithAttendance, e.workersAffected)} workers had attendance this month (${count(f.daysWorked, 0)} days worked), ` +
        'but no pay sheet was submitted by the wage deadline.',
    },
    basis: {
      zh: `${REGULATIONS}第十五条（编制书面工资支付台账）、第三十一条（分包单位按月编制工资支付表，经农民工本人签字确认）`,
      en: 'Regulations, Art. 15 (a written wage ledger) and Art. 31 (a monthly pay sheet confirmed by each worker)',
    },
  },
  LABOR_COST_NOT_APPROPRIATED: {
    what: {
      zh: (_e, f) =>
        `建设单位本月未向农民工工资专用账户拨付人工费用${(num(f.consecutiveMonths) ?? 1) > 1 ? `，已连续${f.consecutiveMonths as number}个月` : ''}。`,
      en: (_e, f) =>
        `The owner moved no labour costs into the dedicated wage account this month${(num(f.consecutiveMonths) ?? 1) > 1 ? `, ${f.consecutiveMonths as number} months in a row` : ''}.`,
    },
    basis: {
      zh: `${REGULATIONS}第二十四条（人工费用及时足额拨付至专户，拨付周期不得超过1个月）`,
      en: 'Regulations, Art. 24 (labour costs into the dedicated account in full and on time, at least monthly)',
    },
  },
  ACCOUNT_BALANCE_SHORTFALL: {
    what: {
      zh: (e) =>
        `专户余额${amount(e, 'balanceFen')}，不足以支付本月尚未支付的工资${amount(e, 'unpaidFen')}，缺口${amount(e, 'shortfallFen')}。`,
      en: (e) =>
        `The account balance of ${amount(e, 'balanceFen')} cannot pay the month’s unpaid wages of ${amount(e, 'unpaidFen')}: short by ${amount(e, 'shortfallFen')}.`,
    },
    basis: {
      zh: `${REGULATIONS}第二十四条（人工费用足额拨付）、第二十七条（专户资金未按约定拨付的预警）`,
      en: 'Regulations, Art. 24 (labour costs in full) and Art. 27 (warning when funds do not arrive as agreed)',
    },
  },
  DEPOSIT_SHORTFALL: {
    what: {
      zh: (e) =>
        `工资保证金应存${amount(e, 'requiredDepositFen')}，在存${amount(e, 'depositInForceFen')}，差额${amount(e, 'shortfallFen')}。`,
      en: (e) =>
        `The wage deposit required is ${amount(e, 'requiredDepositFen')}, ${amount(e, 'depositInForceFen')} is in force: short by ${amount(e, 'shortfallFen')}.`,
    },
    basis: {
      zh: `${REGULATIONS}第三十二条（存储工资保证金）；《工资保证金管理暂行办法》（人社部发〔2021〕65号）第八条、第十一条至第十二条`,
      en: 'Regulations, Art. 32 (a wage guarantee deposit); MOHRSS 65号 (2021), Art. 8 and 11–12',
    },
  },
  DEPOSIT_GUARANTEE_EXPIRING: {
    what: {
      zh: (e) =>
        `计入工资保证金的银行保函将在30日内到期，涉及金额${amount(e, 'expiringFen')}；到期后保证金将不足。`,
      en: (e) =>
        `A bank guarantee letter counted in the wage deposit expires within 30 days (${amount(e, 'expiringFen')}); the deposit will then be short.`,
    },
    basis: {
      zh: `${REGULATIONS}第三十二条；《工资保证金管理暂行办法》（人社部发〔2021〕65号）`,
      en: 'Regulations, Art. 32; MOHRSS 65号 (2021)',
    },
  },
  FUNDS_DIVERTED: {
    what: {
      zh: (e) =>
        `农民工工资专用账户有${e.transactions.length}笔不是向工人代发工资的支出（取现、转给单位或超出限额的手续费），共${amount(e, 'divertedFen')}。`,
      en: (e) =>
        `${e.transactions.length} debits from the dedicated wage account were not payroll to a worker (a withdrawal, a transfer to a company, a fee above the allowance): ${amount(e, 'divertedFen')} in all.`,
    },
    basis: {
      zh: `${REGULATIONS}第二十六条（专用账户专项用于支付农民工工资）`,
      en: 'Regulations, Art. 26 (the dedicated account pays migrant workers’ wages only)',
    },
  },
  PAYEE_NOT_ON_ROSTER: {
    what: {
      zh: (e) =>
        `${e.transactions.length}笔代发工资付给了不在本项目实名册上的账户或身份，共${amount(e, 'paidToUnregisteredFen')}。`,
      en: (e) =>
        `${e.transactions.length} payroll payments went to an account or identity not on the project’s roll: ${amount(e, 'paidToUnregisteredFen')}.`,
    },
    basis: {
      zh: `${REGULATIONS}第二十八条（用工实名登记）、第三十一条（工资支付到农民工本人银行账户）`,
      en: 'Regulations, Art. 28 (real-name registration) and Art. 31 (wages into the worker’s own account)',
    },
  },
  SHARED_BANK_CARD: {
    what: {
      zh: (e, f) =>
        `同一张银行卡登记给了多名工人（涉及${e.workersAffected}名工人），疑似工资卡被他人代管。` +
        cardNotMineText(f, 'zh'),
      en: (e, f) =>
        `One bank card is registered for several workers (${e.workersAffected} workers): the wage cards may be held by someone else.` +
        cardNotMineText(f, 'en'),
    },
    basis: {
      zh: `${REGULATIONS}第三十一条（用于支付工资的银行卡不得扣押或者变相扣押）`,
      en: 'Regulations, Art. 31 (no one may hold the cards wages are paid to)',
    },
  },
  ABNORMAL_PAYOUT: {
    what: {
      zh: (e) =>
        `${e.workersAffected}名工人收到的代发工资异常偏大（当月合计${amount(e, 'paidInMonthFen')}），需核实是否为真实工资。`,
      en: (e) =>
        `${e.workersAffected} workers received unusually large payroll (${amount(e, 'paidInMonthFen')} in the month): check that it is their wages.`,
    },
    basis: {
      zh: `${REGULATIONS}第三十一条（按工资支付表直接支付到农民工本人）`,
      en: 'Regulations, Art. 31 (paid by the pay sheet to each worker)',
    },
  },
  NO_WAGE_ACCOUNT: {
    what: {
      zh: (_e, f) => `项目开工已超过30日（应于${String(f.openBy ?? '—')}前开设），仍无农民工工资专用账户。`,
      en: (_e, f) =>
        `More than 30 days after the project started (due by ${String(f.openBy ?? '—')}) it has no dedicated wage account.`,
    },
    basis: {
      zh: `${REGULATIONS}第二十六条（开设农民工工资专用账户）；人社部发〔2021〕53号`,
      en: 'Regulations, Art. 26 (a dedicated wage account); MOHRSS 53号 (2021)',
    },
  },
  REAL_NAME_GAP: {
    what: {
      zh: (_e, f) => (f.noRoster ? '项目在建但未报送实名册。' : '项目在建但本月未报送考勤。'),
      en: (_e, f) =>
        f.noRoster
          ? 'The project is in construction but reports no roll.'
          : 'The project is in construction but reported no attendance for the month.',
    },
    basis: {
      zh: `${REGULATIONS}第二十八条（实名制管理，记录考勤）`,
      en: 'Regulations, Art. 28 (real-name management and attendance)',
    },
  },
  BANK_FEED_STALE: {
    what: {
      zh: (_e, f) =>
        `银行只报送了截至${String(f.statementThrough ?? '—').slice(0, 10)}的专户流水，工资支付期限${String(f.uncoveredDeadline ?? '—')}之后的支付情况尚不可知。`,
      en: (_e, f) =>
        `The bank has sent the account’s statement only up to ${String(f.statementThrough ?? '—').slice(0, 10)}: payments after the wage deadline of ${String(f.uncoveredDeadline ?? '—')} are not yet known.`,
    },
    basis: {
      zh: `${REGULATIONS}第二十七条（金融机构做好专户日常管理）；人社部发〔2021〕53号`,
      en: 'Regulations, Art. 27 (the bank manages the dedicated account); MOHRSS 53号 (2021)',
    },
  },
  WORKER_PAY_DISPUTED: {
    what: {
      zh: (e, f) =>
        `${e.workersAffected}名工人在工人端对本月工资提出异议：金额不对${count(f.amountWrong, 0)}人、` +
        `未收到${count(f.notReceived, 0)}人、银行卡不是本人的${count(f.cardNotMine, 0)}人。` +
        (count(f.cardNotMine, 0) > 0 ? '“卡不是本人的”是工资卡被他人代管的直接证据。' : '') +
        '需向工人和用人单位核实。',
      en: (e, f) =>
        `${e.workersAffected} workers disputed the month’s pay on the workers’ page: amount wrong ${count(f.amountWrong, 0)}, ` +
        `not received ${count(f.notReceived, 0)}, card not theirs ${count(f.cardNotMine, 0)}.` +
        (count(f.cardNotMine, 0) > 0
          ? ' A card that is not the worker’s is direct evidence of card control.'
          : '') +
        ' Check with the workers and the employer.',
    },
    basis: {
      zh: `${REGULATIONS}第十五条（工资清单）、第三十一条（工资支付表经农民工本人签字确认，支付到本人银行账户）`,
      en: 'Regulations, Art. 15 (pay slips) and Art. 31 (the pay sheet signed by each worker, paid into their own account)',
    },
  },
  RECTIFICATION_OVERDUE: {
    what: {
      zh: (e, f) =>
        `劳动保障监察限期改正指令书规定的期限（${String(f.earliestDeadline ?? '—')}）已过${count(f.daysOverdue, 0)}天，` +
        `数据显示违法行为仍未改正` +
        (e.workersAffected > 0
          ? `：${e.workersAffected}名工人的工资仍未足额支付，尚欠${amount(e, 'stillOwedFen')}。`
          : '。') +
        '可依法加付赔偿金；达到拒不支付劳动报酬罪标准的，移送公安机关。',
      en: (e, f) =>
        `The deadline of the rectification order (${String(f.earliestDeadline ?? '—')}) passed ${count(f.daysOverdue, 0)} days ago ` +
        `and the data still show the violation` +
        (e.workersAffected > 0
          ? `: ${e.workersAffected} workers are still not paid in full, ${amount(e, 'stillOwedFen')} owed.`
          : '.') +
        ' Extra compensation may be ordered; arrears at the criminal threshold go to the police.',
    },
    basis: {
      zh: `《劳动保障监察条例》第二十六条（逾期不支付的，责令加付赔偿金）；${REGULATIONS}第五十四条至第五十七条；《刑法》第二百七十六条之一`,
      en: 'Labour Security Supervision Regulations, Art. 26 (extra compensation when an order is not heeded); Regulations, Art. 54–57; Criminal Law, Art. 276-1',
    },
  },
};

/** Named sums of the evidence in the reader's words; a name not listed here shows as recorded. */
const AMOUNT_NAMES: Record<string, Record<Lang, string>> = {
  netPayDueFen: { zh: '应发合计', en: 'Net pay due' },
  netPayFen: { zh: '应发合计', en: 'Net pay' },
  paidFen: { zh: '实发合计', en: 'Paid' },
  shortfallFen: { zh: '欠付/差额', en: 'Shortfall' },
  unpaidFen: { zh: '尚未支付', en: 'Unpaid' },
  balanceFen: { zh: '专户余额', en: 'Account balance' },
  divertedFen: { zh: '挪用金额', en: 'Diverted' },
  paidToUnregisteredFen: { zh: '付给实名册外人员', en: 'Paid to people not on the roll' },
  paidInMonthFen: { zh: '当月代发', en: 'Paid in the month' },
  requiredDepositFen: { zh: '应存保证金', en: 'Deposit required' },
  depositInForceFen: { zh: '在存保证金', en: 'Deposit in force' },
  expiringFen: { zh: '即将到期金额', en: 'Expiring' },
  orderedFen: { zh: '指令应付金额', en: 'Ordered to pay' },
  stillOwedFen: { zh: '仍欠金额', en: 'Still owed' },
};

const KIND_NAMES: Record<string, Record<Lang, string>> = {
  APPROPRIATION: { zh: '人工费用拨付', en: 'Labour cost appropriation' },
  PAYROLL: { zh: '代发工资', en: 'Payroll' },
  WITHDRAWAL: { zh: '取现', en: 'Cash withdrawal' },
  TRANSFER: { zh: '转账', en: 'Transfer' },
  REFUND: { zh: '退款', en: 'Refund' },
  INTEREST: { zh: '利息', en: 'Interest' },
  FEE: { zh: '手续费', en: 'Bank fee' },
};

/** The title in the reader's language: the rules engine writes it in Chinese; in English it is composed. */
export function alertTitle(alert: Alert, lang: Lang): string {
  if (lang === 'zh') return alert.title;
  const workers = alert.evidence.workersAffected;
  return [
    alert.month,
    EN_CODE[alert.code] ?? alert.code,
    `project ${alert.projectCode}`,
    workers > 0 ? `${workers} worker${workers === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

const EN_CODE: Record<AlertCode, string> = {
  WAGE_ARREARS: 'Wage arrears',
  WAGE_UNDERPAID: 'Wages underpaid',
  PAY_SHEET_MISSING: 'Pay sheet missing',
  LABOR_COST_NOT_APPROPRIATED: 'Labour cost not appropriated',
  ACCOUNT_BALANCE_SHORTFALL: 'Account balance short',
  DEPOSIT_SHORTFALL: 'Wage deposit short',
  DEPOSIT_GUARANTEE_EXPIRING: 'Guarantee letter expiring',
  FUNDS_DIVERTED: 'Wage account funds diverted',
  PAYEE_NOT_ON_ROSTER: 'Payee not on the roll',
  SHARED_BANK_CARD: 'Shared bank card',
  ABNORMAL_PAYOUT: 'Abnormal payout',
  NO_WAGE_ACCOUNT: 'No wage account',
  REAL_NAME_GAP: 'Real-name gap',
  BANK_FEED_STALE: 'Bank feed late',
  WORKER_PAY_DISPUTED: 'Workers dispute their pay',
  RECTIFICATION_OVERDUE: 'Rectification order overdue',
};

const dateTime = (instant: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(new Date(instant))
    .replace(/\//g, '-');

export function EvidenceView({ alert }: { alert: Alert }) {
  const { t, lang } = useI18n();
  const evidence = alert.evidence;
  // A pay-sheet revision awaiting an inspector is shown above the evidence, not among the raw facts.
  const { pendingRevision, ...facts } = evidence.facts;
  const rule = RULES[alert.code];
  const deadline = typeof facts.deadline === 'string' ? facts.deadline : undefined;
  const daysOverdue = num(facts.daysOverdue) ?? num(facts.daysLate);
  const amounts = Object.entries(evidence.amounts);
  const owed = (due?: number, paid?: number) =>
    due === undefined ? undefined : Math.max(0, due - (paid ?? 0));
  return (
    <section className="evidence" data-code={alert.code}>
      {isPendingRevision(pendingRevision) && <PendingRevisionView revision={pendingRevision} />}
      <h3>
        {t('evidence')} · {label(t, 'code', alert.code)}
      </h3>
      {rule && (
        <dl className="facts explain">
          <dt>{t('whatHappened')}</dt>
          <dd data-testid="what">{rule.what[lang](evidence, facts)}</dd>
          <dt>{t('legalBasis')}</dt>
          <dd data-testid="basis">{rule.basis[lang]}</dd>
          {deadline && (
            <>
              <dt>{t('deadline')}</dt>
              <dd data-testid="deadline">
                {deadline}
                {facts.calendarKnown === false && <span className="muted"> （{t('calendarGuessed')}）</span>}
              </dd>
            </>
          )}
          {daysOverdue !== undefined && (
            <>
              <dt>{t('daysOverdue')}</dt>
              <dd data-testid="days-overdue">
                {daysOverdue} {t('daysUnit')}
              </dd>
            </>
          )}
          <dt>{t('workersAffected')}</dt>
          <dd>{evidence.workersAffected}</dd>
        </dl>
      )}
      {amounts.length > 0 && (
        <dl className="facts amounts">
          {amounts.map(([name, fen]) => (
            <div key={name} data-amount={name}>
              <dt>{AMOUNT_NAMES[name]?.[lang] ?? name}</dt>
              <dd className="money">{formatFen(fen)}</dd>
            </div>
          ))}
        </dl>
      )}
      {evidence.workers.length > 0 && (
        <div className="table-wrap">
          <h4>{t('workers')}</h4>
          <table className="workers stack">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('idNumber')}</th>
                <th>{t('card')}</th>
                <th className="money">{t('amountDue')}</th>
                <th className="money">{t('amountPaid')}</th>
                <th className="money">{t('amountOwed')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.workers.map((w, index) => {
                const unpaid = owed(w.amountDueFen, w.amountPaidFen);
                return (
                  <tr key={`${w.idMasked}-${index}`}>
                    <td data-label={t('name')}>{w.name ?? '—'}</td>
                    <td data-label={t('idNumber')} className="mono">
                      {w.idMasked}
                    </td>
                    <td data-label={t('card')} className="mono">
                      {w.cardMasked ?? '—'}
                    </td>
                    <td data-label={t('amountDue')} className="money">
                      {w.amountDueFen === undefined ? '—' : formatFen(w.amountDueFen)}
                    </td>
                    <td data-label={t('amountPaid')} className="money">
                      {w.amountPaidFen === undefined ? '—' : formatFen(w.amountPaidFen)}
                    </td>
                    <td data-label={t('amountOwed')} className="money owed">
                      {unpaid === undefined ? '—' : formatFen(unpaid)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {evidence.transactions.length > 0 && (
        <div className="table-wrap">
          <h4>{t('transactions')}</h4>
          <table className="transactions stack">
            <thead>
              <tr>
                <th>{t('date')}</th>
                <th>{t('kind')}</th>
                <th className="money">{t('amount')}</th>
                <th>{t('counterparty')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.transactions.map((tx) => (
                <tr key={`${tx.accountNumber}-${tx.serialNo}`}>
                  <td data-label={t('date')}>{dateTime(tx.occurredAt)}</td>
                  <td data-label={t('kind')}>{KIND_NAMES[tx.kind]?.[lang] ?? tx.kind}</td>
                  <td data-label={t('amount')} className="money">
                    {formatFen(tx.amountFen)}
                  </td>
                  <td data-label={t('counterparty')}>
                    {tx.counterpartyName ?? ''}{' '}
                    <span className="mono">{tx.counterpartyAccountMasked ?? ''}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="raw">
        <summary>{t('rawData')}</summary>
        <dl className="facts small">
          {[...Object.entries(facts), ...Object.entries(evidence.parameters)].map(([name, value]) => (
            <div key={name}>
              <dt className="mono">{name}</dt>
              <dd className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

/** A pay-sheet revision awaiting an inspector, as the payment rules name it in their evidence. */
interface PendingRevision {
  revisionId: string;
  submittedAt: string;
  deadline: string;
  totals: { lines: number; netPayFen: number };
  originalTotals: { lines: number; netPayFen: number };
  linesLowered: number;
  workersDropped: number;
  lowered: { idMasked: string; name?: string; originalNetPayFen: number; revisedNetPayFen: number | null }[];
}

function isPendingRevision(value: unknown): value is PendingRevision {
  return typeof value === 'object' && value !== null && 'revisionId' in value && 'lowered' in value;
}

/**
 * The sheet the project sent after the deadline to lower its own pay (更正): shown above the evidence, since the
 * alert still judges the sheet in force until an inspector accepts or rejects it.
 */
function PendingRevisionView({ revision }: { revision: PendingRevision }) {
  const { t } = useI18n();
  return (
    <div className="notice pending" role="note">
      <h4>{t('pendingRevision')}</h4>
      <p>{t('pendingRevisionHint')}</p>
      <dl className="facts">
        <div>
          <dt>{t('revisionSubmittedAt')}</dt>
          <dd>
            {dateTime(revision.submittedAt)} ({t('revisionDeadline')} {revision.deadline})
          </dd>
        </div>
        <div>
          <dt>{t('revisionOriginalNet')}</dt>
          <dd className="money">{formatFen(revision.originalTotals.netPayFen)}</dd>
        </div>
        <div>
          <dt>{t('revisionRevisedNet')}</dt>
          <dd className="money">{formatFen(revision.totals.netPayFen)}</dd>
        </div>
        <div>
          <dt>{t('revisionLinesLowered')}</dt>
          <dd>
            {revision.linesLowered} ({t('revisionWorkersDropped')} {revision.workersDropped})
          </dd>
        </div>
        <div>
          <dt>ID</dt>
          <dd className="mono">{revision.revisionId}</dd>
        </div>
      </dl>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('idNumber')}</th>
              <th className="money">{t('revisionOriginalNet')}</th>
              <th className="money">{t('revisionRevisedNet')}</th>
            </tr>
          </thead>
          <tbody>
            {revision.lowered.map((line, index) => (
              <tr key={`${line.idMasked}-${index}`}>
                <td>{line.name ?? '—'}</td>
                <td className="mono">{line.idMasked}</td>
                <td className="money">{formatFen(line.originalNetPayFen)}</td>
                <td className="money">
                  {line.revisedNetPayFen === null ? t('revisionDropped') : formatFen(line.revisedNetPayFen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
