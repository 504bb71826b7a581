import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  ALERT_CODES,
  SEVERITIES,
  STATUSES,
  type Alert,
  type AlertAction,
  type AlertFilters,
  type Client,
} from './api';
import { Empty, ErrorNotice, ExportButton, Loading, navigate, useLoad, type Route } from './common';
import { OpenCaseFromAlert } from './casework';
import { EvidenceView, alertTitle } from './evidence';
import { exportAlerts } from './export';
import { ProjectLink } from './project';
import { label, useI18n, type MessageKey } from './i18n';
import { regionLabel } from './regions';

const SEVERITY_RANK = { RED: 0, ORANGE: 1, YELLOW: 2, BLUE: 3 } as const;
const CLOSED = new Set(['RESOLVED', 'DISMISSED', 'CLEARED']);

/**
 * The inspector's order, as the server sorts (sort=urgency): the most severe, then the longest waiting — the
 * one that has hurt workers longest is at the top of its colour.
 */
function byUrgency(a: Alert, b: Alert): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.raisedAt.localeCompare(b.raisedAt);
}

function matches(alert: Alert, filters: AlertFilters): boolean {
  return (
    (filters.open === undefined || filters.open !== CLOSED.has(alert.status)) &&
    (!filters.status || alert.status === filters.status) &&
    (!filters.code || alert.code === filters.code) &&
    (!filters.severity || alert.severity === filters.severity) &&
    (!filters.projectCode || alert.projectCode === filters.projectCode) &&
    (!filters.month || alert.month === filters.month)
  );
}

/** The time now, renewed every 30 seconds so that countdowns move. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** A span of time in its two largest units: 2天5小时, 3小时12分钟, 7分钟. */
function useDuration() {
  const { t } = useI18n();
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const [d, h, m] = [Math.floor(minutes / 1_440), Math.floor((minutes % 1_440) / 60), minutes % 60];
    const text =
      d > 0
        ? `${d}${t('days')}${h > 0 ? `${h}${t('hours')}` : ''}`
        : h > 0
          ? `${h}${t('hours')}${m > 0 ? `${m}${t('minutes')}` : ''}`
          : `${m}${t('minutes')}`;
    return text.replace(/\s+/g, ' ').trim();
  };
}

/** `{}` in a message replaced by the value. */
export const fill = (message: string, value: string) => message.replace('{}', value);

/**
 * Where the alert stands in time: a closed one how long it lasted (no running timer), one waiting to be
 * acknowledged how long until it escalates (or how long past that it is), one in hand how long it has been open.
 */
export function Timing({ alert, now }: { alert: Alert; now: number }) {
  const { t } = useI18n();
  const duration = useDuration();
  if (CLOSED.has(alert.status)) {
    const end = Date.parse(alert.clearedAt ?? alert.updatedAt);
    return (
      <span className="timing lasted" data-timing="lasted">
        {fill(t('lasted'), duration(end - Date.parse(alert.raisedAt)))}
      </span>
    );
  }
  const escalation = alert.escalation;
  if (escalation) {
    const left = Date.parse(escalation.dueAt) - now;
    return left > 0 && !escalation.escalated ? (
      <span
        className="timing countdown"
        data-timing="countdown"
        title={fill(t('escalationRule'), String(escalation.hours))}
      >
        {fill(t('escalatesIn'), duration(left))}
      </span>
    ) : (
      <span className="timing overdue" data-timing="overdue">
        {fill(t('overdueBy'), duration(-left))}
      </span>
    );
  }
  return (
    <span className="timing age" data-timing="age">
      {t('age')} {duration(now - Date.parse(alert.raisedAt))}
    </span>
  );
}

const when = (instant: string) => new Date(instant).toLocaleString('zh-CN', { hour12: false });

const DEFAULT_FILTERS: AlertFilters = { open: true };

export function Workbench({
  api,
  route,
  token,
  readOnly = false,
}: {
  api: Client;
  route: Route;
  token?: string;
  /** A grid assistant sees their grid's alerts and acts on none of them (they verify them by a visit). */
  readOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const selectedId = route.parts[1];
  // A project's page links here with ?projectCode=: its alerts, open or not.
  const linkedProject = route.params.get('projectCode') ?? undefined;
  const [filters, setFilters] = useState<AlertFilters>(
    linkedProject ? { projectCode: linkedProject } : DEFAULT_FILTERS,
  );
  useEffect(() => {
    if (linkedProject) setFilters({ projectCode: linkedProject });
  }, [linkedProject]);
  const [page, setPage] = useState(1);
  const list = useLoad(() => api.alerts(filters, page), [api, filters, page]);
  const [items, setItems] = useState<Alert[]>([]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [live, setLive] = useState<'open' | 'connecting'>('connecting');
  const [detailVersion, setDetailVersion] = useState(0);
  const now = useNow();

  useEffect(() => setItems(list.data?.items ?? []), [list.data]);

  // The stream handler reads the current filters and selection through refs, so the connection stays open.
  const current = useRef({ filters, selectedId, reload: list.reload });
  current.current = { filters, selectedId, reload: list.reload };

  // New and changed alerts arrive on the stream and show at once; a moment later the page is loaded again, so
  // that its counts, its paging and the server's order stay true. After a dropped connection the list is loaded
  // again too, since the stream only carries what happens while connected.
  useEffect(() => {
    const source = api.stream();
    let dropped = false;
    let refresh: number | undefined;
    source.onopen = () => {
      setLive('open');
      if (dropped) current.current.reload();
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setLive('connecting');
    };
    const onChange = (event: MessageEvent<string>) => {
      const { alert } = JSON.parse(event.data) as { alert: Alert };
      const { filters: shown, selectedId: selected } = current.current;
      setItems((items) => [
        ...items.filter((a) => a.id !== alert.id),
        ...(matches(alert, shown) ? [alert] : []),
      ]);
      if (event.type === 'alert.raised') setFresh((ids) => new Set(ids).add(alert.id));
      if (alert.id === selected) setDetailVersion((v) => v + 1);
      window.clearTimeout(refresh);
      refresh = window.setTimeout(() => current.current.reload(), 2_000);
    };
    for (const type of ['alert.raised', 'alert.updated', 'alert.escalated', 'alert.cleared']) {
      source.addEventListener(type, onChange as EventListener);
    }
    return () => {
      window.clearTimeout(refresh);
      source.close();
    };
  }, [api]);

  const sorted = useMemo(() => [...items].sort(byUrgency), [items]);
  const replace = (alert: Alert) =>
    setItems((current) => current.map((a) => (a.id === alert.id ? alert : a)));
  const applyFilters = (next: AlertFilters) => {
    setFilters(next);
    setPage(1);
  };
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <main className={`workbench ${selectedId ? 'has-detail' : ''}`}>
      <section className="list-pane">
        {data && (
          <div className="counts" data-testid="counts">
            <span data-count="open">
              {t('status_OPEN')} <strong>{data.counts.open}</strong>
            </span>
            <span data-count="acknowledged">
              {t('status_ACKNOWLEDGED')} <strong>{data.counts.acknowledged}</strong>
            </span>
            <span data-count="overdue" className={data.counts.overdue > 0 ? 'overdue' : ''}>
              {t('overdue')} <strong>{data.counts.overdue}</strong>
            </span>
          </div>
        )}
        <Filters value={filters} onChange={applyFilters} />
        <ExportButton run={() => exportAlerts(api, filters, t, lang)} />
        <p className={`live ${live}`} data-live={live}>
          ● {live === 'open' ? t('liveOpen') : t('liveConnecting')}
        </p>
        {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.loading && !data && <Loading />}
        {data && sorted.length === 0 && <Empty>{t('noAlerts')}</Empty>}
        {list.loading && data && <Loading />}
        <AlertList alerts={sorted} fresh={fresh} selectedId={selectedId} now={now} busy={list.loading} />
        {data && data.total > 0 && (
          <nav className="pager" aria-label={t('paging')} data-testid="pager">
            <button type="button" disabled={page <= 1 || list.loading} onClick={() => setPage(page - 1)}>
              {t('prevPage')}
            </button>
            <span data-testid="page-of">
              {t('pageOf')
                .replace('{page}', String(data.page))
                .replace('{pages}', String(pages))
                .replace('{total}', String(data.total))}
            </span>
            <button type="button" disabled={page >= pages || list.loading} onClick={() => setPage(page + 1)}>
              {t('nextPage')}
            </button>
          </nav>
        )}
      </section>
      <section className="detail-pane">
        {selectedId ? (
          <AlertDetail
            key={selectedId}
            api={api}
            id={selectedId}
            version={detailVersion}
            onChange={replace}
            now={now}
            token={token}
            readOnly={readOnly}
          />
        ) : (
          <Empty>{t('selectAlert')}</Empty>
        )}
      </section>
    </main>
  );
}

/** The status choice: 待处理 (OPEN or ACKNOWLEDGED, the default), 全部, or one status. */
const statusChoice = (filters: AlertFilters) => filters.status ?? (filters.open ? 'pending' : 'all');

function Filters({ value, onChange }: { value: AlertFilters; onChange(filters: AlertFilters): void }) {
  const { t } = useI18n();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const status = text('status');
    onChange({
      open: status === 'pending' ? true : undefined,
      status: status === 'pending' || status === 'all' ? undefined : (status as AlertFilters['status']),
      code: text('code') as AlertFilters['code'],
      severity: text('severity') as AlertFilters['severity'],
      projectCode: text('projectCode'),
      month: text('month'),
    });
  };
  const options = (prefix: string, values: readonly string[]) => [
    <option key="" value="">
      {t('all')}
    </option>,
    ...values.map((v) => (
      <option key={v} value={v}>
        {label(t, prefix, v)}
      </option>
    )),
  ];
  return (
    <form
      className="filters"
      onSubmit={submit}
      onReset={(event) => {
        event.preventDefault();
        onChange(DEFAULT_FILTERS);
      }}
      key={JSON.stringify(value)}
    >
      <label>
        {t('status')}
        <select name="status" defaultValue={statusChoice(value)}>
          <option value="pending">{t('pendingWork')}</option>
          <option value="all">{t('all')}</option>
          {STATUSES.map((v) => (
            <option key={v} value={v}>
              {label(t, 'status', v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('severity')}
        <select name="severity" defaultValue={value.severity ?? ''}>
          {options('severity', SEVERITIES)}
        </select>
      </label>
      <label>
        {t('code')}
        <select name="code" defaultValue={value.code ?? ''}>
          {options('code', ALERT_CODES)}
        </select>
      </label>
      <label>
        {t('project')}
        <input name="projectCode" defaultValue={value.projectCode ?? ''} />
      </label>
      <label>
        {t('month')}
        <input name="month" type="month" defaultValue={value.month ?? ''} />
      </label>
      <div className="buttons">
        <button type="submit" className="primary">
          {t('apply')}
        </button>
        <button type="reset">{t('reset')}</button>
      </div>
    </form>
  );
}

function AlertList({
  alerts,
  fresh,
  selectedId,
  now,
  busy,
}: {
  alerts: Alert[];
  fresh: Set<string>;
  selectedId?: string;
  now: number;
  busy: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <ul className="alerts" aria-busy={busy}>
      {alerts.map((alert) => (
        <li
          key={alert.id}
          data-alert-id={alert.id}
          data-project={alert.projectCode}
          data-status={alert.status}
        >
          <a
            href={`#/alerts/${encodeURIComponent(alert.id)}`}
            className={`alert sev-${alert.severity} ${alert.id === selectedId ? 'selected' : ''}`}
          >
            <span className={`badge sev-${alert.severity}`}>{label(t, 'severity', alert.severity)}</span>
            <span className="title">
              {fresh.has(alert.id) && <span className="badge new">{t('newAlert')}</span>}
              {alertTitle(alert, lang)}
            </span>
            <span className="meta muted">
              {label(t, 'code', alert.code)} · {alert.projectCode}
              {alert.month ? ` · ${alert.month}` : ''} · <Timing alert={alert} now={now} />
            </span>
            <span className={`status st-${alert.status}`}>{label(t, 'status', alert.status)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function AlertDetail(props: {
  api: Client;
  id: string;
  version: number;
  now: number;
  onChange(alert: Alert): void;
  token?: string;
  readOnly?: boolean;
}) {
  const { api, id, version, now, onChange, token, readOnly } = props;
  const { t, lang } = useI18n();
  const loaded = useLoad(() => api.alert(id), [api, id, version]);
  const [alert, setAlert] = useState<Alert>();
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [outcome, setOutcome] = useState<{ error?: unknown; message?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => setAlert(loaded.data), [loaded.data]);

  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!alert) return <Loading />;

  const act = async (action: AlertAction) => {
    setBusy(true);
    setOutcome({});
    try {
      const updated = await api.act(alert.id, action);
      setAlert(updated);
      onChange(updated);
      setNote('');
      setOutcome({ message: t('done') });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };
  const requireText = (value: string, missing: MessageKey, run: (text: string) => void) => () =>
    value.trim() ? run(value.trim()) : setOutcome({ error: new Error(t(missing)) });
  const closed = CLOSED.has(alert.status);

  return (
    <article className="detail" data-alert-id={alert.id} data-status={alert.status}>
      <a href="#/alerts" className="back" onClick={() => navigate('alerts')}>
        ← {t('back')}
      </a>
      <h2>
        <span className={`badge sev-${alert.severity}`}>{label(t, 'severity', alert.severity)}</span>{' '}
        {alertTitle(alert, lang)}
      </h2>
      <dl className="facts">
        <dt>{t('status')}</dt>
        <dd className="detail-status">{label(t, 'status', alert.status)}</dd>
        <dt>{t('code')}</dt>
        <dd>
          {label(t, 'code', alert.code)} <span className="muted">{alert.code}</span>
        </dd>
        <dt>{t('project')}</dt>
        <dd>
          <ProjectLink code={alert.projectCode} />
          {alert.employerCreditCode && (
            <>
              {' · '}
              <a
                href={`#/employers/${encodeURIComponent(alert.employerCreditCode)}`}
                className="employer-link"
                data-testid="employer-link"
              >
                {t('employerRecord')} ›
              </a>
            </>
          )}
        </dd>
        <dt>{t('region')}</dt>
        <dd>{regionLabel(alert.regionCode)}</dd>
        {alert.month && (
          <>
            <dt>{t('month')}</dt>
            <dd>{alert.month}</dd>
          </>
        )}
        <dt>{t('raisedAt')}</dt>
        <dd>
          {when(alert.raisedAt)} · <Timing alert={alert} now={now} />
        </dd>
        <dt>{t('assignee')}</dt>
        <dd>{alert.assignee ?? '—'}</dd>
      </dl>

      {token && (
        <section className="case">
          <OpenCaseFromAlert token={token} alertId={alert.id} caseId={alert.enforcementCase?.id} />
        </section>
      )}
      {!readOnly && (
        <section className="actions">
          <h3>{t('actions')}</h3>
          {closed ? (
            <p className="muted">{t('closed')}</p>
          ) : (
            <>
              <label>
                {t('note')}
                <textarea
                  name="note"
                  value={note}
                  maxLength={4000}
                  placeholder={t('notePlaceholder')}
                  onChange={(e) => setNote(e.target.value)}
                />
              </label>
              <div className="buttons">
                {alert.status === 'OPEN' && (
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() => act({ action: 'acknowledge', note: note.trim() || undefined })}
                  >
                    {t('acknowledge')}
                  </button>
                )}
                <button
                  type="button"
                  disabled={busy}
                  onClick={requireText(note, 'noteRequired', (text) =>
                    act({ action: 'resolve', note: text }),
                  )}
                >
                  {t('resolve')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={requireText(note, 'reasonRequired', (text) =>
                    act({ action: 'dismiss', reason: text }),
                  )}
                >
                  {t('dismiss')}
                </button>
              </div>
              <div className="row assign">
                <AssigneePicker api={api} alertId={alert.id} value={assignee} onChange={setAssignee} />
                <button
                  type="button"
                  disabled={busy}
                  onClick={requireText(assignee, 'assigneeRequired', (username) =>
                    act({ action: 'assign', username, note: note.trim() || undefined }),
                  )}
                >
                  {t('assign')}
                </button>
              </div>
            </>
          )}
          {outcome.error !== undefined && <ErrorNotice error={outcome.error} />}
          {outcome.message && <p className="notice ok">{outcome.message}</p>}
        </section>
      )}

      <EvidenceView alert={alert} />

      <section>
        <h3>{t('history')}</h3>
        <ol className="history">
          {alert.history.map((entry, index) => (
            <li key={index}>
              <span className="muted">{when(entry.at)}</span>{' '}
              <strong>{label(t, 'action', entry.action)}</strong> · {entry.actor}
              {entry.action === 'VERIFIED'
                ? entry.result && ` · ${label(t, 'verificationResult', entry.result)}`
                : entry.toStatus && ` → ${label(t, 'status', entry.toStatus)}`}
              {entry.note && <div className="note">{entry.note}</div>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** The people whose region covers the alert (GET /alerts/{id}/assignees), nearest region first. */
function AssigneePicker(props: {
  api: Client;
  alertId: string;
  value: string;
  onChange(username: string): void;
}) {
  const { api, alertId, value, onChange } = props;
  const { t } = useI18n();
  const people = useLoad(() => api.assignees(alertId), [api, alertId]);
  return (
    <label className="grow">
      {t('assignee')}
      <select
        name="assignee"
        value={value}
        disabled={!people.data}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{people.loading ? t('loading') : t('assigneePlaceholder')}</option>
        {people.data?.items.map((person) => (
          <option key={person.username} value={person.username}>
            {person.displayName}（{person.username} · {label(t, 'role', person.role)} ·{' '}
            {regionLabel(person.regionCode)}）
          </option>
        ))}
      </select>
      {people.error !== undefined && <ErrorNotice error={people.error} onRetry={people.reload} />}
    </label>
  );
}
