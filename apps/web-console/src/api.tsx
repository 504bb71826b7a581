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
  /** On a VERIFIED entry (a grid assistant's site visit): the result and the visit. */
  result?: 'CONFIRMED' | 'NOT_CONFIRMED' | 'CORRECTED';
  visitId?: string;
}

export interface Alert {
  id: string;
  code: AlertCode;
  severity: Severity;
  status: AlertStatus;
  projectCode: string;
  regionCode: string;
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
    registerBank: (body: { code: string; name: string }) =>
      request<{ code: string; apiKey: string }>(token, 'POST', '/banks', body),
    rules: (regionCode: string) => request<RuleCatalogue>(token, 'GET', `/rules${query({ regionCode })}`),
    setRules: (
      regionCode: string,
      body: { effectiveFrom: string; parameters: Record<string, number | null>; reason?: string },
    ) => request<RuleCatalogue>(token, 'PUT', `/rules/${encodeURIComponent(regionCode)}`, body),
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
