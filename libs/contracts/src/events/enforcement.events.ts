import { z } from 'zod';
import { defineEvent, type EventData } from '../envelope';
import { AlertCode, Severity } from '../enums';
import { creditCode, fen, gridCode, instant, isoDate, month, projectCode, regionCode } from '../fields';
import { Topics } from '../topics';

/** Where a case came from: an accepted complaint, report or clue; an alert; an inspector (a site visit). */
export const CaseSource = z.enum(['COMPLAINT', 'ALERT', 'INSPECTOR']);
export type CaseSource = z.infer<typeof CaseSource>;

/** 结案 codes: 处罚结案, 处理结案, 撤销立案, 移送公安, 移送其他部门, 不予受理, 转仲裁. */
export const CaseClosureCode = z.enum([
  'PENALTY',
  'HANDLED',
  'WITHDRAWN',
  'TRANSFERRED_POLICE',
  'TRANSFERRED_DEPARTMENT',
  'REFUSED',
  'ARBITRATION',
]);
export type CaseClosureCode = z.infer<typeof CaseClosureCode>;

/** The employer a case is against; the credit code where known (the record and the grade follow it). */
const employer = z.object({ name: z.string().min(1), creditCode: creditCode.optional() });

/**
 * A case opened (立案). The complainant never travels: not their name, identity number or phone. `alertKey` says
 * which alert the case follows, so alert-service can show the alert's case.
 */
export const CaseOpened = defineEvent(
  Topics.enforcement,
  'CaseOpened',
  z.object({
    caseId: z.uuid(),
    source: CaseSource,
    complaintId: z.uuid().optional(),
    alertKey: z.string().min(1).optional(),
    projectCode: projectCode.optional(),
    regionCode,
    employer,
    openedAt: instant,
    closeBy: isoDate,
  }),
);
export type CaseOpened = EventData<typeof CaseOpened>;

/** A case closed (结案), with whether it closed within its statutory limit. */
export const CaseClosed = defineEvent(
  Topics.enforcement,
  'CaseClosed',
  z.object({
    caseId: z.uuid(),
    code: CaseClosureCode,
    projectCode: projectCode.optional(),
    regionCode,
    employer,
    closedAt: instant,
    closeBy: isoDate,
    withinLimit: z.boolean(),
    unpaidWages: z.boolean(),
  }),
);
export type CaseClosed = EventData<typeof CaseClosed>;

/**
 * A case closed with unpaid wages found: a finding against the employer (by credit code), which feeds its
 * integrity grade and the deposit adjustment. Amounts in fen; workers only counted, never named.
 */
export const EmployerFindingRecorded = defineEvent(
  Topics.enforcement,
  'EmployerFindingRecorded',
  z.object({
    caseId: z.uuid(),
    creditCode,
    employerName: z.string().min(1),
    projectCode: projectCode.optional(),
    regionCode,
    unpaidWages: z.literal(true),
    violations: z.array(z.string().min(1)).max(50),
    /** What makes the employer C on its own: GROUP_INCIDENT, REFUSED_ORDER, OBSTRUCTED_INSPECTION, PROSECUTED. */
    circumstances: z.array(z.string().min(1)).max(10).optional(),
    wagesOwedFen: fen,
    recoveredFen: fen,
    workersAffected: z.number().int().nonnegative(),
    foundAt: instant,
  }),
);
export type EmployerFindingRecorded = EventData<typeof EmployerFindingRecorded>;

/** 劳动保障守法诚信等级 A/B/C (人社部规〔2016〕1号). */
export const IntegrityGradeCode = z.enum(['A', 'B', 'C']);

/**
 * An employer's integrity grade: the annual run for a year (`ANNUAL`) or a new finding lowering the grade in force
 * at once (`DOWNGRADE`, with the year of the grade it lowered). `findings` are the case ids it rests on. Keyed
 * `employer:<credit code>`, so one employer's grades and listings stay in order.
 */
export const GradeAssigned = defineEvent(
  Topics.enforcement,
  'GradeAssigned',
  z.object({
    creditCode,
    employerName: z.string().min(1),
    year: z.number().int().min(2000).max(9999),
    grade: IntegrityGradeCode,
    kind: z.enum(['ANNUAL', 'DOWNGRADE']),
    criteria: z.array(z.string().min(1)).max(10),
    findings: z.array(z.uuid()).max(1000),
    /** C for unpaid wages: the deposit adjustment doubles. */
    unpaidWages: z.boolean(),
    /** A years in a row up to `year` (0 unless A). */
    consecutiveAYears: z.number().int().nonnegative(),
    assignedAt: instant,
  }),
);
export type GradeAssigned = EventData<typeof GradeAssigned>;

/** Listed on the arrears blacklist (失信联合惩戒名单, 人社部令第45号) by a decision; persons never travel. */
export const EmployerListed = defineEvent(
  Topics.enforcement,
  'EmployerListed',
  z.object({
    listingId: z.uuid(),
    creditCode,
    employerName: z.string().min(1),
    caseId: z.uuid(),
    regionCode,
    reason: z.string().min(1).max(500),
    decidedOn: isoDate,
    listedUntil: isoDate,
  }),
);
export type EmployerListed = EventData<typeof EmployerListed>;

/** Off the blacklist: removed early (信用修复). A listing's 3 years ending needs no event: `listedUntil` says it. */
export const EmployerDelisted = defineEvent(
  Topics.enforcement,
  'EmployerDelisted',
  z.object({
    listingId: z.uuid(),
    creditCode,
    reason: z.enum(['EARLY_REMOVAL']),
    delistedOn: isoDate,
  }),
);
export type EmployerDelisted = EventData<typeof EmployerDelisted>;

/**
 * A rectification order (限期改正指令书) on a case about a project's months (the alert's month, the complaint's
 * period, or the month the inspector named): the rules engine watches it and raises RECTIFICATION_OVERDUE for a
 * month once `deadline` has passed while the month's data still show one of `violations` (the rule
 * codes whose findings are the violation ordered ended: the wage rules for an order to pay wages, else the code of
 * the alert the case came from). `ordersPayment`: an order to pay wages (RED when unheeded). Keyed by project code.
 */
export const RectificationOrdered = defineEvent(
  Topics.enforcement,
  'RectificationOrdered',
  z.object({
    caseId: z.uuid(),
    actionId: z.uuid(),
    projectCode,
    months: z.array(month).min(1).max(24),
    regionCode,
    deadline: isoDate,
    violations: z.array(AlertCode).min(1).max(20),
    ordersPayment: z.boolean(),
    /** The wages the order says are owed, when it states them. */
    amountFen: fen.optional(),
    documentNo: z.string().min(1).max(100).optional(),
    orderedAt: instant,
  }),
);
export type RectificationOrdered = EventData<typeof RectificationOrdered>;

/**
 * A case still open after its investigation limit (`closeBy`, with its extension if any): alert-service sends it
 * to the leaders of the region above the case's. Published once per limit (an extension that moves it and then
 * passes again publishes anew). Keyed by project code.
 */
export const CaseOverdue = defineEvent(
  Topics.enforcement,
  'CaseOverdue',
  z.object({
    caseId: z.uuid(),
    projectCode: projectCode.optional(),
    alertKey: z.string().min(1).optional(),
    regionCode,
    employer,
    openedAt: instant,
    closeBy: isoDate,
    extended: z.boolean(),
    /** Working days past `closeBy` when it was found overdue. */
    workingDaysOverdue: z.number().int().positive(),
  }),
);
export type CaseOverdue = EventData<typeof CaseOverdue>;

/** What a grid assistant verifies on site (核实): an alert, or a complaint or clue. */
export const VerificationSubject = z.enum(['ALERT', 'COMPLAINT']);
export type VerificationSubject = z.infer<typeof VerificationSubject>;

/** 核实结果: the data's finding confirmed on site, not confirmed, or corrected on site (the site put it right). */
export const VerificationResult = z.enum(['CONFIRMED', 'NOT_CONFIRMED', 'CORRECTED']);
export type VerificationResult = z.infer<typeof VerificationResult>;

/**
 * What a verification is about. An alert is named by its `alertKey` (code:project[:month]), which every service
 * can compute; a complaint by its id. Neither carries a complainant or a worker.
 */
const verificationSubject = z.object({
  verificationId: z.uuid(),
  subject: VerificationSubject,
  alertKey: z.string().min(1).optional(),
  /** The alert's code and severity, for a notification that says what to look at. */
  code: AlertCode.optional(),
  severity: Severity.optional(),
  complaintId: z.uuid().optional(),
  projectCode: projectCode.optional(),
  gridCode,
  /** The district (six digits) whose inspectors the verification escalates to. */
  regionCode,
});

/**
 * A new RED or ORANGE alert, or an accepted complaint or clue, in a grid: its grid assistant is asked to verify it
 * on site by `dueBy` (3 working days). alert-service sends it to the grid's assistants. Keyed by grid code.
 */
export const VerificationRequested = defineEvent(
  Topics.enforcement,
  'VerificationRequested',
  verificationSubject.extend({ requestedAt: instant, dueBy: isoDate }),
);
export type VerificationRequested = EventData<typeof VerificationRequested>;

/**
 * A site visit verified an alert or a complaint: alert-service adds it to the alert's history. `findings` are the
 * assistant's words about the site, never a worker's identity. `verificationId` is absent when nobody had asked.
 * Keyed by grid code.
 */
export const VerificationRecorded = defineEvent(
  Topics.enforcement,
  'VerificationRecorded',
  verificationSubject.extend({
    verificationId: z.uuid().optional(),
    visitId: z.uuid(),
    result: VerificationResult,
    recordedBy: z.string().min(1),
    visitedAt: instant,
    findings: z.string().min(1).max(2000),
  }),
);
export type VerificationRecorded = EventData<typeof VerificationRecorded>;

/**
 * A verification not done by its `dueBy`: alert-service sends it to the inspectors of the district (`regionCode`).
 * Published once per verification. Keyed by grid code.
 */
export const VerificationOverdue = defineEvent(
  Topics.enforcement,
  'VerificationOverdue',
  verificationSubject.extend({
    requestedAt: instant,
    dueBy: isoDate,
    /** Working days past `dueBy` when it was found overdue. */
    workingDaysOverdue: z.number().int().positive(),
  }),
);
export type VerificationOverdue = EventData<typeof VerificationOverdue>;
