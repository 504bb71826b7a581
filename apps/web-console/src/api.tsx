/**
 * The typed client of the public API (docs/architecture.md), always through the gateway on the same origin. Every
 * failure becomes an ApiFailure carrying the API's `{ error, message }`, so screens can show what went wrong.
 */

import type { operations } from './api-schema.generated';
import {
  ALERT_CODES,
  ALERT_STATUSES,
  METRICS,
  SEVERITIES as CONTRACT_SEVERITIES,
} from './api-values.generated';

// Requests and answers are the API's own, as openapi-typescript generated them from the merged OpenAPI document
// (api-schema.generated.ts, `npm run console:api-types`): a change of contract breaks the console's build, not a
// screen. Type-only: the bundle holds no zod and no Nest. Answers an endpoint does not yet document by a schema are
// still written out below (visits, verifications, employers, projects, rules).

type Operation = keyof operations;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** What an operation answers on success (its 200 or 201 JSON). */
export type Answer<O extends Operation> = operations[O]['responses'] extends infer R
  ? R extends { 200: infer S }
    ? Json<S>
    : R extends { 201: infer S }
      ? Json<S>
      : never
  : never;
/** The JSON body an operation takes. */
export type RequestBody<O extends Operation> = Json<NonNullable<operations[O]['requestBody']>>;
/** The query an operation reads. */
export type QueryOf<O extends Operation> = NonNullable<operations[O]['parameters']['query']>;

/** Compiles only when `List` names every member of `Union` (a code added to the contract fails the build here). */
type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never]
  ? true
  : never;

export type Alert = Answer<'Alerts_get'>;
export type Severity = Alert['severity'];
export type AlertStatus = Alert['status'];
export type AlertCode = Alert['code'];
export type Role = RequestBody<'Users_create'>['role'];

/** Most urgent first, as the console lists them: the contract's order (BLUE to RED) reversed. */
export const SEVERITIES: readonly Severity[] = [...CONTRACT_SEVERITIES].reverse();
export const STATUSES: readonly AlertStatus[] = ALERT_STATUSES;
export { ALERT_CODES, METRICS };

export type Evidence = Alert['evidence'];
export type EvidenceWorker = Evidence['workers'][number];
export type EvidenceTransaction = Evidence['transactions'][number];
export type HistoryEntry = Alert['history'][number];

/** The caseload of the caller's scope: to acknowledge (待签收), in hand (处理中), past the escalation deadline. */
export type AlertPage = Answer<'Alerts_list'>;
export type AlertCounts = AlertPage['counts'];
export type Assignee = Answer<'Alerts_assignees'>['items'][number];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type AlertFilters = Omit<
  QueryOf<'Alerts_list'>,
  'open' | 'sort' | 'page' | 'pageSize' | 'regionCode'
> & {
  /** true: still to be handled (OPEN or ACKNOWLEDGED); the workbench's default. */
  open?: boolean;
};

export type Coverage = Answer<'Coverage_coverage'>;
export type CoverageTrend = Answer<'Coverage_trend'>;
export type CoverageFigures = Pick<Coverage, 'projectsInConstruction' | 'metrics'>;
export type Metric = keyof Coverage['metrics'];
export type MetricShare = Coverage['metrics'][Metric];

export type Arrears = Answer<'Arrears_arrears'>;
export type ArrearsFigures = Arrears['children'][number];
export type ArrearsSums = Arrears['unpaidWages'];

// The lists come from libs/contracts, the types from the OpenAPI document: tsc fails here when they disagree.
export const contractListsComplete: [
  Exhaustive<Severity, typeof CONTRACT_SEVERITIES>,
  Exhaustive<AlertStatus, typeof ALERT_STATUSES>,
  Exhaustive<AlertCode, typeof ALERT_CODES>,
  Exhaustive<Metric, typeof METRICS>,
] = [true, true, true, true];

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

export type VisitPlan = Answer<'VisitPlans_get'>;

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

export type Grids = Answer<'Grids_get'>;
export type GridFigures = Grids['grids'][number];

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
  const body: RequestBody<'Users_login'> = { username, password };
  const { accessToken } = await request<Answer<'Users_login'>>(null, 'POST', '/auth/login', body);
  return sessionFromToken(accessToken);
}

export type AlertAction =
  | ({ action: 'acknowledge' } & RequestBody<'Alerts_acknowledge'>)
  | ({ action: 'assign' } & RequestBody<'Alerts_assign'>)
  | ({ action: 'resolve' } & RequestBody<'Alerts_resolve'>)
  | ({ action: 'dismiss' } & RequestBody<'Alerts_dismiss'>);

export const ALERT_PAGE_SIZE = 50;

/** A project's status as an administrator may set it (PATCH /projects/{code}). */
export type ProjectStatus = NonNullable<RequestBody<'Projects_changeStatus'>['status']>;

/** A user as the administrator lists them (GET /users). */
export type UserRecord = Answer<'Users_list'>['items'][number];

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
    users: () => request<Answer<'Users_list'>>(token, 'GET', '/users?pageSize=200'),
    createUser: (body: RequestBody<'Users_create'>) =>
      request<Answer<'Users_create'>>(token, 'POST', '/users', body),
    changeUser: (username: string, body: RequestBody<'Users_change'>) =>
      request<Answer<'Users_change'>>(token, 'PATCH', `/users/${encodeURIComponent(username)}`, body),
    registerProject: (body: RequestBody<'Projects_register'>) =>
      request<{ code: string; apiKey: string }>(token, 'POST', '/projects', body),
    changeProjectStatus: (code: string, body: RequestBody<'Projects_changeStatus'>) =>
      request<{ status?: string }>(token, 'PATCH', `/projects/${encodeURIComponent(code)}`, body),
    project: (code: string) => request<Project>(token, 'GET', `/projects/${encodeURIComponent(code)}`),
    employer: (creditCode: string) =>
      request<EmployerSummary>(token, 'GET', `/employers/${encodeURIComponent(creditCode)}`),
    /** The printable rights-information board (维权信息告示牌), a PDF served only with the token. */
    rightsBoard: (code: string, size: 'A4' | 'A3' = 'A4') =>
      blob(token, `/projects/${encodeURIComponent(code)}/rights-board${query({ size })}`),
    registerBank: (body: RequestBody<'Banks_register'>) =>
      request<{ code: string; apiKey: string }>(token, 'POST', '/banks', body),
    rules: (regionCode: string) => request<RuleCatalogue>(token, 'GET', `/rules${query({ regionCode })}`),
    setRules: (regionCode: string, body: RequestBody<'Rules_set'>) =>
      request<RuleCatalogue>(token, 'PUT', `/rules/${encodeURIComponent(regionCode)}`, body),
    // Grids: site visits, their photos, the month's visit plan, verifications, and a region's grids.
    visitPlan: (gridCode: string, month: string) =>
      request<VisitPlan>(token, 'GET', `/visit-plans${query({ gridCode, month })}`),
    visits: (filters: VisitFilters, page = 1, pageSize = 50) =>
      request<Page<Visit>>(token, 'GET', `/visits${query({ ...filters, page, pageSize })}`),
    recordVisit: (body: RequestBody<'Visits_create'>) => request<Visit>(token, 'POST', '/visits', body),
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
