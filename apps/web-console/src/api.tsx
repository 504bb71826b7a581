/**
 * The typed client of the public API (docs/architecture.md), always through the gateway on the same origin. Every
 * failure becomes an ApiFailure carrying the API's `{ error, message }`, so screens can show what went wrong.
 */

export type Severity = 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'DISMISSED' | 'CLEARED';
export type Role = 'INSPECTOR' | 'LEADER' | 'ADMIN' | 'GRID_ASSISTANT';

export const SEVERITIES: Severity[] = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
export const STATUSES: AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED', 'CLEARED'];
export const ALERT_CODES = [
  'WAGE_ARREARS',
  'WAGE_UNDERPAID',
  'PAY_SHEET_MISSING',
  'LABOR_COST_NOT_APPROPRIATED',
  'ACCOUNT_BALANCE_SHORTFALL',
  'DEPOSIT_SHORTFALL',
  'DEPOSIT_GUARANTEE_EXPIRING',
  'FUNDS_DIVERTED',
  'PAYEE_NOT_ON_ROSTER',
  'SHARED_BANK_CARD',
  'ABNORMAL_PAYOUT',
  'NO_WAGE_ACCOUNT',
  'REAL_NAME_GAP',
  'BANK_FEED_STALE',
  'WORKER_PAY_DISPUTED',
  'RECTIFICATION_OVERDUE',
] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

export interface EvidenceWorker {
  idMasked: string;
  name?: string;
  cardMasked?: string;
  amountDueFen?: number;
  amountPaidFen?: number;
}

export interface EvidenceTransaction {
  accountNumber: string;
  serialNo: string;
  occurredAt: string;
  kind: string;
  amountFen: number;
  counterpartyName?: string;
  counterpartyAccountMasked?: string;
}

export interface Evidence {
  workersAffected: number;
  workers: EvidenceWorker[];
  amounts: Record<string, number>;
  transactions: EvidenceTransaction[];
  parameters: Record<string, number | string | boolean | null>;
  facts: Record<string, unknown>;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  severity: Severity | null;
  note: string | null;
  /** A site verification (action VERIFIED): what the grid assistant found, and the visit that recorded it. */
  result?: VerificationResult | null;
  visitId?: string | null;
}

export interface Alert {
  id: string;
  code: AlertCode;
  severity: Severity;
  status: AlertStatus;
  projectCode: string;
  regionCode: string;
  /** The grid (9 or 12 digits) of the alert's project, when it has one. */
  gridCode?: string | null;
  month: string | null;
  title: string;
  evidence: Evidence;
  raisedAt: string;
  updatedAt: string;
  clearedAt: string | null;
  assignee: string | null;
  /** While it waits to be acknowledged at a severity that escalates: when it goes to the leaders above. */
  escalation?: { hours: number; dueAt: string; escalated: boolean } | null;
  /** The enforcement case opened from the alert, as enforcement-service's events told alert-service. */
  enforcementCase?: { id: string; status: string } | null;
  /** The project's contractor by credit code (its employer page), when alert-service knows it. */
  employerCreditCode?: string | null;
  history: HistoryEntry[];
}

/** The caseload of the caller's scope: to acknowledge (待签收), in hand (处理中), past the escalation deadline. */
export interface AlertCounts {
  open: number;
  acknowledged: number;
  overdue: number;
}

export interface AlertPage extends Page<Alert> {
  counts: AlertCounts;
}

export interface Assignee {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AlertFilters {
  /** true: still to be handled (OPEN or ACKNOWLEDGED); the workbench's default. */
  open?: boolean;
  status?: AlertStatus;
  code?: AlertCode;
  severity?: Severity;
  projectCode?: string;
  month?: string;
}

export const METRICS = [
  'realName',
  'wageAccount',
  'deposit',
  'bankPayroll',
  'monthlyFullPayment',
  'allSystems',
] as const;
export type Metric = (typeof METRICS)[number];

export interface MetricShare {
  count: number;
  of: number;
  /** One decimal; null when the metric applies to no project, or while it is pending. */
  pct: number | null;
  /** A payment metric of a month whose wages are not yet due: the last day they may be paid. */
  pendingUntil?: string;
}

export interface CoverageFigures {
  projectsInConstruction: number;
  metrics: Record<Metric, MetricShare>;
}

export interface Coverage extends CoverageFigures {
  regionCode: string;
  regionName?: string;
  month: string;
  children: (CoverageFigures & { regionCode: string })[];
}

export interface CoverageTrend {
  regionCode: string;
  from: string;
  to: string;
  series: (CoverageFigures & { month: string })[];
}

export interface ArrearsSums {
  openAlerts: number;
  workersAffected: number;
  amountOutstanding: string;
  amountOutstandingFen: number;
}

export interface ArrearsFigures extends ArrearsSums {
  /** Wages owed (WAGE_ARREARS, WAGE_UNDERPAID) apart from the reporting gaps and risks. */
  unpaidWages: ArrearsSums;
  otherAlerts: number;
}

export interface Arrears extends ArrearsFigures {
  regionCode: string;
  month: string | null;
  byCodeAndSeverity: (ArrearsSums & { code: AlertCode; severity: Severity })[];
  children: (ArrearsFigures & { regionCode: string })[];
}

// Grids (issue 22): grid assistants' site visits, the verifications they are asked for, and the grids of a region.

/** 核实结果: confirmed on site (属实), not confirmed (不属实), put right on site (现场已整改). */
export const VERIFICATION_RESULTS = ['CONFIRMED', 'NOT_CONFIRMED', 'CORRECTED'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const VERIFICATION_STATUSES = ['OPEN', 'DONE', 'ESCALATED', 'WITHDRAWN'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
/** Why a project is on the month's visit plan, in the plan's order. */
export const VISIT_REASONS = ['C_GRADE', 'OPEN_ALERTS', 'PATROL_DUE'] as const;
export type VisitReason = (typeof VISIT_REASONS)[number];
/** Why a project is left out of routine patrols: its contractor's grade is exempt in the project's region. */
export const EXEMPT_REASONS = ['A_GRADE', 'B_GRADE', 'UNGRADED'] as const;
export type ExemptReason = (typeof EXEMPT_REASONS)[number];

export interface VisitPhoto {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export type VisitVerifies = { result: VerificationResult } & (
  { alertId: string; complaintId?: undefined } | { complaintId: string; alertId?: undefined }
);

export interface Visit {
  id: string;
  projectCode: string;
  gridCode: string;
  at: string;
  findings: string;
  recordedBy: string;
  verifies?: VisitVerifies & { alertKey?: string };
  photos: VisitPhoto[];
}

export interface VisitFilters {
  gridCode?: string;
  projectCode?: string;
  from?: string;
  to?: string;
}

export interface VisitPlan {
  gridCode: string;
  month: string;
  items: {
    projectCode: string;
    projectName: string;
    reasons: VisitReason[];
    employerGrade: 'A' | 'B' | 'C' | null;
    /** Months without a visit after which the project is due one, by its grade and region; null when exempt. */
    patrolIntervalMonths: number | null;
    lastVisitedAt: string | null;
    visitedThisMonth: boolean;
  }[];
  exempt: { projectCode: string; projectName: string; reason: ExemptReason }[];
}

/** What a project's page shows of its contractor's record (`GET /employers/{creditCode}`). */
export interface EmployerSummary {
  creditCode: string;
  name: string;
  grade: {
    year: number;
    grade: 'A' | 'B' | 'C';
    supervision: 'KEY_TARGET' | 'EXEMPT_FROM_ROUTINE_PATROL' | 'ROUTINE';
  } | null;
  blacklist: { listed: boolean };
}

/** A project as roster-service shows it (`GET /projects/{code}`): amounts in yuan strings. */
export interface Project {
  code: string;
  name: string;
  regionCode: string;
  gridCode?: string;
  contractor: { name: string; creditCode: string };
  owner: { name: string; creditCode?: string };
  contractAmount: string;
  startDate: string;
  plannedEndDate?: string;
  payday: number;
  status: 'IN_CONSTRUCTION' | 'SUSPENDED' | 'COMPLETED';
  statusEffectiveDate: string;
  scheduledStatus?: { status: string; effectiveDate: string };
}

export interface Verification {
  id: string;
  subject: 'ALERT' | 'COMPLAINT';
  alertKey?: string | null;
  complaintId?: string | null;
  code?: AlertCode | null;
  severity?: Severity | null;
  projectCode?: string | null;
  gridCode: string;
  regionCode: string;
  requestedAt: string;
  dueBy: string;
  status: VerificationStatus;
  result?: VerificationResult | null;
  visitId?: string | null;
  escalatedAt?: string | null;
}

export interface GridFigures {
  gridCode: string;
  gridName: string | null;
  projects: number;
  visitsThisMonth: number;
  assistantsVisiting: number;
  openVerifications: number;
  overdueVerifications: number;
}

export interface Grids {
  regionCode: string;
  month: string;
  grids: GridFigures[];
  coverage: { count: number; of: number; pct: number | null };
}

/** A user's session: the token and what its claims say (the server checks them; the console only reads them). */
export interface Session {
  token: string;
  username: string;
  role: Role;
  regionCode: string;
  expiresAt: number;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const BASE = '/api/v1';

function query(params: object): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

async function request<T>(
  token: string | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): reported below with the status.
  }
  if (!response.ok) {
    const error = (json ?? {}) as { error?: string; message?: string };
    throw new ApiFailure(
      response.status,
      error.error ?? `HTTP_${response.status}`,
      error.message ?? `The server answered ${response.status} ${response.statusText}.`,
    );
  }
  return json as T;
}

/** A multipart upload (the browser sets the boundary), answered like any other call. */
async function upload<T>(token: string, path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      body: form,
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
  }
  const json = (await response.json().catch(() => undefined)) as
    { error?: string; message?: string } | undefined;
  if (!response.ok)
    throw new ApiFailure(
      response.status,
      json?.error ?? `HTTP_${response.status}`,
      json?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    );
  return json as T;
}

/** A file the API serves only with the bearer token (a photo, a PDF): fetched as a blob, never a bare URL. */
async function blob(token: string, path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
  }
  if (!response.ok) {
    const json = (await response.json().catch(() => undefined)) as
      { error?: string; message?: string } | undefined;
    throw new ApiFailure(response.status, json?.error ?? `HTTP_${response.status}`, json?.message ?? '');
  }
  return response.blob();
}

function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromToken(token: string): Session {
  const claims = decodeClaims(token);
  return {
    token,
    username: String(claims.sub),
    role: claims.role as Role,
    regionCode: String(claims.region),
    expiresAt: Number(claims.exp) * 1000,
  };
}

export async function login(username: string, password: string): Promise<Session> {
  const { accessToken } = await request<{ accessToken: string }>(null, 'POST', '/auth/login', {
    username,
    password,
  });
  return sessionFromToken(accessToken);
}

export type AlertAction =
  | { action: 'acknowledge'; note?: string }
  | { action: 'assign'; username: string; note?: string }
  | { action: 'resolve'; note: string }
  | { action: 'dismiss'; reason: string };

export const ALERT_PAGE_SIZE = 50;

/** A user as the administrator lists them (GET /users). */
export interface UserRecord {
  username: string;
  role: Role;
  regionCode: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export interface RuleCatalogue {
  regionCode: string;
  onDate: string;
  rules: {
    code: AlertCode;
    name: string;
    ruleVersion: number;
    parameters: {
      name: string;
      value: number | null;
      defaultValue: number | null;
      unit: string;
      description: string;
      source?: { kind: 'NATIONAL_DEFAULT' } | { kind: 'OVERRIDE'; regionCode: string; effectiveFrom: string };
    }[];
  }[];
}

/** The calls a signed-in user makes. */
export function client(token: string) {
  return {
    /** In the work order: most severe first, then the longest raised. */
    alerts: (filters: AlertFilters, page = 1, pageSize = ALERT_PAGE_SIZE) =>
      request<AlertPage>(token, 'GET', `/alerts${query({ ...filters, sort: 'urgency', page, pageSize })}`),
    assignees: (id: string) =>
      request<{ items: Assignee[] }>(token, 'GET', `/alerts/${encodeURIComponent(id)}/assignees`),
    alert: (id: string) => request<Alert>(token, 'GET', `/alerts/${encodeURIComponent(id)}`),
    act: (id: string, { action, ...body }: AlertAction) =>
      request<Alert>(token, 'POST', `/alerts/${encodeURIComponent(id)}/${action}`, body),
    coverage: (regionCode: string, month?: string) =>
      request<Coverage>(token, 'GET', `/coverage${query({ regionCode, month })}`),
    trend: (regionCode: string, to?: string) =>
      request<CoverageTrend>(token, 'GET', `/coverage/trend${query({ regionCode, to })}`),
    calendar: (year: number) => request<{ year: number; known: boolean }>(token, 'GET', `/calendar/${year}`),
    arrears: (regionCode: string, month?: string) =>
      request<Arrears>(token, 'GET', `/arrears${query({ regionCode, month })}`),
    // Administration (the administrator role only; the API refuses anyone else).
    users: () => request<Page<UserRecord>>(token, 'GET', '/users?pageSize=200'),
    createUser: (body: {
      username: string;
      displayName: string;
      role: Role;
      regionCode: string;
      password: string;
      email?: string;
    }) => request<{ username: string }>(token, 'POST', '/users', body),
    changeUser: (
      username: string,
      body: { disabled?: boolean; password?: string; role?: Role; regionCode?: string; displayName?: string },
    ) => request<UserRecord>(token, 'PATCH', `/users/${encodeURIComponent(username)}`, body),
    registerProject: (body: object) =>
      request<{ code: string; apiKey: string }>(token, 'POST', '/projects', body),
    changeProjectStatus: (code: string, body: { status: string; effectiveDate: string; reason?: string }) =>
      request<{ status?: string }>(token, 'PATCH', `/projects/${encodeURIComponent(code)}`, body),
    project: (code: string) => request<Project>(token, 'GET', `/projects/${encodeURIComponent(code)}`),
    employer: (creditCode: string) =>
      request<EmployerSummary>(token, 'GET', `/employers/${encodeURIComponent(creditCode)}`),
    /** The printable rights-information board (维权信息告示牌), a PDF served only with the token. */
    rightsBoard: (code: string, size: 'A4' | 'A3' = 'A4') =>
      blob(token, `/projects/${encodeURIComponent(code)}/rights-board${query({ size })}`),
    registerBank: (body: { code: string; name: string }) =>
      request<{ code: string; apiKey: string }>(token, 'POST', '/banks', body),
    rules: (regionCode: string) => request<RuleCatalogue>(token, 'GET', `/rules${query({ regionCode })}`),
    setRules: (
      regionCode: string,
      body: { effectiveFrom: string; parameters: Record<string, number | null>; reason?: string },
    ) => request<RuleCatalogue>(token, 'PUT', `/rules/${encodeURIComponent(regionCode)}`, body),
    // Grids: site visits, their photos, the month's visit plan, verifications, and a region's grids.
    visitPlan: (gridCode: string, month: string) =>
      request<VisitPlan>(token, 'GET', `/visit-plans${query({ gridCode, month })}`),
    visits: (filters: VisitFilters, page = 1, pageSize = 50) =>
      request<Page<Visit>>(token, 'GET', `/visits${query({ ...filters, page, pageSize })}`),
    recordVisit: (body: { projectCode: string; at: string; findings: string; verifies?: VisitVerifies }) =>
      request<Visit>(token, 'POST', '/visits', body),
    uploadPhoto: (visitId: string, file: File) => {
      const form = new FormData();
      form.append('photo', file, file.name);
      return upload<VisitPhoto>(token, `/visits/${encodeURIComponent(visitId)}/photos`, form);
    },
    photo: (visitId: string, photoId: string) =>
      blob(token, `/visits/${encodeURIComponent(visitId)}/photos/${encodeURIComponent(photoId)}`),
    verifications: (filters: { gridCode?: string; status?: VerificationStatus }, page = 1, pageSize = 100) =>
      request<Page<Verification>>(token, 'GET', `/verifications${query({ ...filters, page, pageSize })}`),
    grids: (regionCode: string, month?: string) =>
      request<Grids>(token, 'GET', `/grids${query({ regionCode, month })}`),
    /** EventSource cannot send headers: the stream takes the token as ?access_token=. */
    stream: () => new EventSource(`${BASE}/alerts/stream?access_token=${encodeURIComponent(token)}`),
  };
}
export type Client = ReturnType<typeof client>;

/** Integer fen as yuan with two decimals and thousands separators, without floating point. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** The share as a percentage; `pending` (未到期) stands for a month whose wages are not yet due. */
export function formatPct(share: MetricShare, pending: string): string {
  if (share.pendingUntil) return pending;
  return share.pct === null ? '—' : `${share.pct.toFixed(1)}%`;
}
