import { dateInShanghai, formatYuan, maskPersonName, workingDaysLeft } from '@wage/domain';
import type { Principal } from '@wage/platform';
import type { ComplaintStatus } from './dto/complaint.dto';

/** A complaint as stored: identity and phone numbers only encrypted, with their masked forms. */
export interface ComplaintRow {
  id: string;
  kind: 'COMPLAINT' | 'REPORT' | 'CLUE';
  status: ComplaintStatus;
  complainant_name: string;
  complainant_id_masked: string | null;
  complainant_phone_masked: string;
  confidential: boolean;
  employer_name: string;
  employer_credit_code: string | null;
  employer_address: string | null;
  project_code: string | null;
  region_code: string;
  period_from: string;
  period_to: string;
  amount_owed_fen: string | null;
  workers_affected: number | null;
  description: string;
  received_at: Date;
  accept_by: string;
  entered_by: string;
  duplicate_of: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  refusal_reason: string | null;
  redirect_to: string | null;
  supplement_what: string | null;
  supplement_text: string | null;
  supplement_received_at: Date | null;
  case_id: string | null;
  /** The inspectors of the case opened from it, when there is one (joined). */
  case_inspectors: string[] | null;
  /** The other complaints about the same employer and period (joined). */
  linked: string[] | null;
  /** The grid of the complaint's project, when enforcement knows it (joined). */
  project_grid_code: string | null;
  /** The site visits that verified it (joined), oldest first. */
  verifications: { visitId: string; at: string; by: string; result: string; findings: string }[] | null;
}

/**
 * Whether the caller may know who complained. A confidential reporter (举报人) is known only to the inspectors of
 * the case opened from the report, and to the inspector who entered it.
 */
export function mayKnowComplainant(row: ComplaintRow, principal: Principal): boolean {
  if (!row.confidential) return true;
  if (principal.kind !== 'user') return false;
  return row.entered_by === principal.username || (row.case_inspectors ?? []).includes(principal.username);
}

export function complaintView(row: ComplaintRow, principal: Principal, now: Date) {
  const known = mayKnowComplainant(row, principal);
  const today = dateInShanghai(now);
  const open = row.status === 'PENDING' || row.status === 'SUPPLEMENT_REQUESTED';
  const left = workingDaysLeft(today, row.accept_by);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    complainant: {
      name: known ? row.complainant_name : maskPersonName(row.complainant_name),
      idNumber: known ? row.complainant_id_masked : null,
      phone: known ? row.complainant_phone_masked : null,
      confidential: row.confidential,
    },
    employer: {
      name: row.employer_name,
      creditCode: row.employer_credit_code,
      address: row.employer_address,
    },
    projectCode: row.project_code,
    /** The grid the project is placed in, when enforcement knows it. */
    gridCode: row.project_grid_code ?? null,
    regionCode: row.region_code,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    amountOwed: row.amount_owed_fen === null ? null : formatYuan(Number(row.amount_owed_fen)),
    workersAffected: row.workers_affected,
    description: row.description,
    receivedAt: row.received_at.toISOString(),
    enteredBy: row.entered_by,
    /** 5 working days from receipt to decide: accept, refuse or ask for a supplement. */
    acceptBy: row.accept_by,
    clock: open ? { workingDaysLeft: left, overdue: left < 0 } : null,
    duplicateOf: row.duplicate_of,
    linked: row.linked ?? [],
    decision: row.decided_at
      ? {
          at: row.decided_at.toISOString(),
          by: row.decided_by,
          refusalReason: row.refusal_reason,
          redirectTo: row.redirect_to,
          supplementRequested: row.supplement_what,
        }
      : null,
    /** The supplement received after a request: the acceptance clock counts again from its day. */
    supplement: row.supplement_received_at
      ? { text: row.supplement_text, receivedAt: row.supplement_received_at.toISOString() }
      : null,
    caseId: row.case_id,
    /** 核实: the site visits that verified it, with what each found. */
    verifications: (row.verifications ?? []).map((v) => ({
      event: 'VERIFIED' as const,
      at: new Date(v.at).toISOString(),
      by: v.by,
      result: v.result,
      findings: v.findings,
      visitId: v.visitId,
    })),
  };
}
export type ComplaintView = ReturnType<typeof complaintView>;
