import { formatYuan } from '@wage/domain';

/** A complaint as its complainant may see it, joined with whether its case has closed. */
export interface OwnClueRow {
  id: string;
  kind: 'COMPLAINT' | 'REPORT' | 'CLUE';
  status: 'PENDING' | 'SUPPLEMENT_REQUESTED' | 'ACCEPTED' | 'REFUSED';
  project_code: string | null;
  employer_name: string;
  period_from: string;
  period_to: string;
  amount_owed_fen: string | null;
  description: string;
  received_at: Date;
  accept_by: string;
  decided_at: Date | null;
  refusal_reason: string | null;
  redirect_to: string | null;
  supplement_what: string | null;
  case_closed_at: Date | null;
}

/** 已收到 · 已受理 · 不予受理 · 已办结: what the complainant is told, never the case file. */
export type OwnClueStatus = 'RECEIVED' | 'ACCEPTED' | 'REFUSED' | 'CLOSED';

export function ownClueStatus(row: Pick<OwnClueRow, 'status' | 'case_closed_at'>): OwnClueStatus {
  if (row.status === 'REFUSED') return 'REFUSED';
  if (row.status === 'ACCEPTED') return row.case_closed_at ? 'CLOSED' : 'ACCEPTED';
  return 'RECEIVED';
}

/**
 * A worker's own clue: what they said, when it was received and by when it must be decided, and the decision as
 * the complainant is entitled to it (a refusal's reason and where to go instead; what to add when asked). Nothing
 * of the case: not its inspectors, actions, evidence or findings.
 */
export function ownClueView(row: OwnClueRow) {
  const status = ownClueStatus(row);
  return {
    id: row.id,
    kind: row.kind,
    status,
    projectCode: row.project_code,
    employerName: row.employer_name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    amountOwed: row.amount_owed_fen === null ? null : formatYuan(Number(row.amount_owed_fen)),
    description: row.description,
    receivedAt: row.received_at.toISOString(),
    acceptBy: row.accept_by,
    supplementRequested: row.status === 'SUPPLEMENT_REQUESTED' ? row.supplement_what : null,
    acceptedAt: row.status === 'ACCEPTED' && row.decided_at ? row.decided_at.toISOString() : null,
    refusal: status === 'REFUSED' ? { reason: row.refusal_reason, redirectTo: row.redirect_to } : null,
    closedAt: row.case_closed_at ? row.case_closed_at.toISOString() : null,
  };
}
export type OwnClueView = ReturnType<typeof ownClueView>;
