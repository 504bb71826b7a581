import {
  criminalThresholdFor,
  type CriminalThreshold,
  dateInShanghai,
  formatYuan,
  isCalendarKnown,
  policeTransferOffer,
  workingDaysLeft,
} from '@wage/domain';

export interface CaseRow {
  id: string;
  status: 'OPEN' | 'CLOSED';
  source: 'COMPLAINT' | 'ALERT' | 'INSPECTOR';
  complaint_id: string | null;
  alert_id: string | null;
  alert_key: string | null;
  project_code: string | null;
  region_code: string;
  employer_name: string;
  employer_credit_code: string | null;
  summary: string;
  evidence: unknown;
  wages_owed_fen: string;
  workers_owed: number;
  opened_at: Date;
  opened_on: string;
  opened_by: string;
  inspectors: string[];
  close_by: string;
  extended: boolean;
  closed_at: Date | null;
  closed_by: string | null;
  closure_code: string | null;
  finding: unknown;
  closure_summary: string | null;
  recovered_fen: string;
  /** The grid of the case's project, when enforcement knows it (joined). */
  project_grid_code?: string | null;
}

export interface ActionRow {
  id: string;
  kind: string;
  at: Date;
  actor: string;
  note: string;
  deadline: string | null;
  amount_fen: string | null;
  article: string | null;
  document_no: string | null;
}

export interface RecoveryRow {
  id: string;
  amount_fen: string;
  workers: number;
  paid_on: string;
  note: string | null;
  actor: string;
  recorded_at: Date;
  /** INSPECTOR: entered on the case; PAYROLL: matched from the dedicated account's payroll. */
  source: 'INSPECTOR' | 'PAYROLL';
}

const yuan = (fen: string | null) => (fen === null ? null : formatYuan(Number(fen)));

/** Owed, recovered (清欠) and outstanding, in yuan strings. */
function wages(row: CaseRow) {
  const owed = Number(row.wages_owed_fen);
  const recovered = Number(row.recovered_fen);
  return {
    owed: formatYuan(owed),
    recovered: formatYuan(recovered),
    outstanding: formatYuan(Math.max(0, owed - recovered)),
    workersOwed: row.workers_owed,
  };
}

/** The investigation clock: 60 working days from opening, 90 with the extension; time left while open. */
export function caseClock(row: Pick<CaseRow, 'status' | 'close_by' | 'extended' | 'closed_at'>, now: Date) {
  const today = dateInShanghai(now);
  const left = row.status === 'OPEN' ? workingDaysLeft(today, row.close_by) : null;
  return {
    closeBy: row.close_by,
    extended: row.extended,
    workingDaysLeft: left,
    overdue: left !== null && left < 0,
    closedWithinLimit: row.closed_at ? dateInShanghai(row.closed_at) <= row.close_by : null,
    /** false while the State Council's schedule for the deadline's year is not known: Monday–Friday stood in. */
    calendarKnown: isCalendarKnown(row.close_by),
  };
}

/** A case in a list: what it is about, its clock and its wages. */
export function caseSummaryView(row: CaseRow, now: Date) {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    complaintId: row.complaint_id,
    alertId: row.alert_id,
    alertKey: row.alert_key,
    projectCode: row.project_code,
    /** The grid the project is placed in, when enforcement knows it. */
    gridCode: row.project_grid_code ?? null,
    regionCode: row.region_code,
    employer: { name: row.employer_name, creditCode: row.employer_credit_code },
    summary: row.summary,
    openedAt: row.opened_at.toISOString(),
    openedBy: row.opened_by,
    inspectors: row.inspectors,
    clock: caseClock(row, now),
    wages: wages(row),
    closure: row.closed_at
      ? {
          code: row.closure_code,
          finding: row.finding,
          summary: row.closure_summary,
          closedAt: row.closed_at.toISOString(),
          closedBy: row.closed_by,
        }
      : null,
  };
}

function actionView(action: ActionRow) {
  return {
    id: action.id,
    kind: action.kind,
    at: action.at.toISOString(),
    actor: action.actor,
    note: action.note,
    deadline: action.deadline,
    amount: yuan(action.amount_fen),
    article: action.article,
    documentNo: action.document_no,
  };
}

function recoveryView(recovery: RecoveryRow) {
  return {
    id: recovery.id,
    amount: formatYuan(Number(recovery.amount_fen)),
    workers: recovery.workers,
    paidOn: recovery.paid_on,
    note: recovery.note,
    actor: recovery.actor,
    source: recovery.source,
    recordedAt: recovery.recorded_at.toISOString(),
  };
}

/** The case with its evidence, actions, recoveries and one timeline of all of it in time order. */
export function caseDetailView(
  row: CaseRow,
  actions: ActionRow[],
  recoveries: RecoveryRow[],
  now: Date,
  thresholds: Readonly<Record<string, CriminalThreshold>> = {},
) {
  const timeline = [
    { at: row.opened_at.toISOString(), event: 'OPENED', actor: row.opened_by, note: row.summary },
    ...actions.map((a) => ({
      at: a.at.toISOString(),
      event: a.kind,
      actor: a.actor,
      note: a.note,
      actionId: a.id,
    })),
    ...recoveries.map((r) => ({
      at: r.recorded_at.toISOString(),
      event: 'RECOVERY',
      actor: r.actor,
      note: `${formatYuan(Number(r.amount_fen))} 元，${r.workers} 人，${r.paid_on}`,
      recoveryId: r.id,
    })),
    ...(row.closed_at
      ? [
          {
            at: row.closed_at.toISOString(),
            event: 'CLOSED',
            actor: row.closed_by,
            note: row.closure_summary,
          },
        ]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    ...caseSummaryView(row, now),
    evidence: row.evidence,
    actions: actions.map(actionView),
    recoveries: recoveries.map(recoveryView),
    policeTransfer: policeTransfer(row, actions, now, thresholds),
    timeline,
  };
}

/**
 * Whether the transfer to the police (移送公安) is offered: an order to pay (a rectification order or handling
 * decision stating the wages owed) past its deadline with arrears at or above the province's threshold.
 */
function policeTransfer(
  row: CaseRow,
  actions: ActionRow[],
  now: Date,
  thresholds: Readonly<Record<string, CriminalThreshold>>,
) {
  const threshold = criminalThresholdFor(row.region_code, thresholds);
  const ordersToPay = actions
    .filter(
      (a) => (a.kind === 'RECTIFICATION_ORDER' || a.kind === 'HANDLING_DECISION') && a.amount_fen !== null,
    )
    .map((a) => ({ deadline: a.deadline ?? dateInShanghai(a.at) }));
  const offer = policeTransferOffer({
    today: dateInShanghai(now),
    ordersToPay,
    outstandingFen: Math.max(0, Number(row.wages_owed_fen) - Number(row.recovered_fen)),
    workersOwed: row.workers_owed,
    threshold,
  });
  return {
    ...offer,
    transferred: actions.some((a) => a.kind === 'TRANSFER_POLICE'),
    threshold: {
      province: threshold.province,
      source: threshold.source,
      individual: formatYuan(threshold.individualFen),
      group: formatYuan(threshold.groupFen),
    },
  };
}
