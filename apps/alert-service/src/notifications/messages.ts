import { ALERT_CATALOGUE, type AlertCode, type Severity } from '@wage/contracts';
import { regionFullName } from '@wage/domain';
import type { AlertCase } from '../alerts/alert.repository';

export type NotificationEvent =
  | 'alert.raised'
  | 'alert.updated'
  | 'alert.escalated'
  | 'alert.cleared'
  | 'digest'
  | 'case.overdue'
  | 'verification.requested'
  | 'verification.overdue';

const SEVERITY_ZH = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' } as const;
const EVENT_ZH: Record<NotificationEvent, string> = {
  'alert.raised': '新预警',
  'alert.updated': '预警升级',
  'alert.escalated': '预警逾期未处置，已上报',
  'alert.cleared': '预警已解除',
  digest: '每日预警摘要',
  'case.overdue': '案件超过办案期限未结案，已上报',
  'verification.requested': '请核实',
  'verification.overdue': '核实逾期',
};

const REOPENED_ZH = '已办结的预警因严重程度升高重新打开';
const REOPENED = 'reopened-';

/**
 * Why a resolved alert is notified again: its severity rose above the one it was resolved at. One per raise of the
 * alert and severity, so each person hears of it once per channel.
 */
export function reopenedReason(raiseCount: number, severity: Severity): string {
  return `${REOPENED}${raiseCount}-${severity}`;
}

/**
 * The console's address of an alert, as messages link to it: a path, which e-mail clients, WeCom and DingTalk keep
 * intact (a `#` fragment some of them drop); the console turns it into its own route, before and after login.
 */
export function alertLink(consoleBaseUrl: string, alertId: string): string {
  return `${consoleBaseUrl}/alerts/${encodeURIComponent(alertId)}`;
}

export interface Message {
  subject: string;
  /** Plain text, for e-mail. */
  text: string;
  /** Markdown, for the WeCom and DingTalk robots. */
  markdown: string;
}

/**
 * The message about one alert (or a digest of several), in Chinese with an English line, linking to the console.
 * `reason` is the notification's: a reopened alert says why it is back.
 */
export function composeMessage(
  event: NotificationEvent,
  alerts: AlertCase[],
  consoleBaseUrl: string,
  reason = '',
): Message {
  const link = (alert: AlertCase) => alertLink(consoleBaseUrl, alert.id);
  const line = (alert: AlertCase) =>
    `【${SEVERITY_ZH[alert.severity]}】${alert.title}（${ALERT_CATALOGUE[alert.code].name}，项目 ${alert.projectCode}` +
    `，${regionFullName(alert.regionCode) ?? alert.regionCode}` +
    `${alert.month ? `，${alert.month}` : ''}，涉及 ${alert.evidence.workersAffected} 人）`;
  if (event === 'digest') {
    return {
      subject: `【工资支付监控】${EVENT_ZH.digest}：${alerts.length} 条蓝色预警`,
      text: [
        `${EVENT_ZH.digest}（${alerts.length} 条）：`,
        ...alerts.map((alert) => `- ${line(alert)} ${link(alert)}`),
        '',
        `English: daily digest of ${alerts.length} BLUE (notice) alert(s) in your region.`,
      ].join('\n'),
      markdown: [
        `### ${EVENT_ZH.digest}（${alerts.length} 条）`,
        ...alerts.map((alert) => `- [${line(alert)}](${link(alert)})`),
        `> English: daily digest of ${alerts.length} BLUE alert(s).`,
      ].join('\n'),
    };
  }
  const [alert] = alerts;
  const reopened = reason.startsWith(REOPENED);
  const heading = reopened ? REOPENED_ZH : EVENT_ZH[event];
  const english =
    `English: ${event}${reopened ? ' (reopened: the severity rose after the alert was resolved)' : ''} — ` +
    `${alert.code} (${alert.severity}) for project ${alert.projectCode}` +
    `${alert.month ? `, month ${alert.month}` : ''}; ${alert.evidence.workersAffected} worker(s) affected.`;
  return {
    subject: `【工资支付监控】${heading}：${alert.title}`,
    text: [`${heading}：${line(alert)}`, `查看与处置：${link(alert)}`, '', english].join('\n'),
    markdown: [`### ${heading}`, line(alert), `[查看与处置](${link(alert)})`, `> ${english}`].join('\n'),
  };
}

/** An overdue case as alert-service keeps it (case_escalations): no complainant, no worker. */
export interface OverdueCase {
  caseId: string;
  closeBy: string;
  regionCode: string;
  projectCode: string | null;
  employerName: string;
  extended: boolean;
  workingDaysOverdue: number;
}

/** The message to the leaders above about a case past its investigation limit, linking to the case. */
export function composeCaseMessage(overdue: OverdueCase, consoleBaseUrl: string): Message {
  const heading = EVENT_ZH['case.overdue'];
  const link = `${consoleBaseUrl}/cases/${encodeURIComponent(overdue.caseId)}`;
  const line =
    `案件 ${overdue.caseId}（被查处单位：${overdue.employerName}` +
    `${overdue.projectCode ? `，项目 ${overdue.projectCode}` : ''}` +
    `，${regionFullName(overdue.regionCode) ?? overdue.regionCode}）办结期限 ${overdue.closeBy}` +
    `${overdue.extended ? '（已延长）' : ''}，已超过 ${overdue.workingDaysOverdue} 个工作日仍未结案`;
  const english =
    `English: case.overdue — case ${overdue.caseId} passed its investigation limit ${overdue.closeBy}` +
    `${overdue.extended ? ' (extended)' : ''} ${overdue.workingDaysOverdue} working day(s) ago and is still open.`;
  return {
    subject: `【工资支付监控】${heading}：${overdue.employerName}`,
    text: [`${heading}：${line}`, `查看：${link}`, '', english].join('\n'),
    markdown: [`### ${heading}`, line, `[查看案件](${link})`, `> ${english}`].join('\n'),
  };
}

/** A verification notice as alert-service keeps it (verification_notices): no complainant, no worker. */
export interface VerificationNotice {
  verificationId: string;
  subject: 'ALERT' | 'COMPLAINT';
  alertKey: string | null;
  code: AlertCode | null;
  severity: Severity | null;
  complaintId: string | null;
  projectCode: string | null;
  gridCode: string;
  regionCode: string;
  requestedAt: string;
  dueBy: string;
  /** On an overdue notice: working days past `dueBy` when it was found overdue. */
  workingDaysOverdue: number | null;
}

/** What is to be verified, in Chinese: 【红色】欠薪预警（项目 P-1）, or 投诉/线索 <id>（项目 P-1）. */
function verificationWhat(notice: VerificationNotice): string {
  const project = notice.projectCode ? `（项目 ${notice.projectCode}）` : '';
  if (notice.subject === 'COMPLAINT') return `投诉/线索 ${notice.complaintId ?? ''}${project}`;
  const severity = notice.severity ? `【${SEVERITY_ZH[notice.severity]}】` : '';
  const label = notice.code ? ALERT_CATALOGUE[notice.code].name : (notice.alertKey ?? '');
  return `${severity}${label}预警${project}`;
}

/**
 * The message about a verification: to the grid's assistants when it is asked for (请核实 + what + project + due
 * date), to the district's inspectors when it is overdue (核实逾期: the grid, what, since when). `link` is the
 * console page of what is to be verified (the alert, or the complaint).
 */
export function composeVerificationMessage(
  event: 'verification.requested' | 'verification.overdue',
  notice: VerificationNotice,
  link: string,
): Message {
  const heading = EVENT_ZH[event];
  const grid = `${regionFullName(notice.gridCode) ?? notice.gridCode}（网格 ${notice.gridCode}）`;
  const what = verificationWhat(notice);
  const subjectEn =
    notice.subject === 'ALERT'
      ? `alert ${notice.code ?? notice.alertKey}${notice.severity ? ` (${notice.severity})` : ''}`
      : `complaint ${notice.complaintId}`;
  const projectEn = notice.projectCode ? ` for project ${notice.projectCode}` : '';
  const line =
    event === 'verification.requested'
      ? `${what}，${grid}，请于 ${notice.dueBy} 前到现场核实`
      : `${grid}：${what}应于 ${notice.dueBy} 前核实，自 ${notice.dueBy} 次日起已逾期 ` +
        `${notice.workingDaysOverdue ?? 0} 个工作日仍未核实`;
  const english =
    event === 'verification.requested'
      ? `English: verification.requested — please verify ${subjectEn}${projectEn} on site in grid ` +
        `${notice.gridCode} by ${notice.dueBy}.`
      : `English: verification.overdue — ${subjectEn}${projectEn} in grid ${notice.gridCode} was due to be ` +
        `verified by ${notice.dueBy}; ${notice.workingDaysOverdue ?? 0} working day(s) overdue.`;
  return {
    subject: `【工资支付监控】${heading}：${what}`,
    text: [`${heading}：${line}`, `查看：${link}`, '', english].join('\n'),
    markdown: [`### ${heading}`, line, `[查看](${link})`, `> ${english}`].join('\n'),
  };
}
