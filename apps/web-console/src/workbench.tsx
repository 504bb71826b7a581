import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  ALERT_CODES,
  SEVERITIES,
  STATUSES,
  formatFen,
  type Alert,
  type AlertAction,
  type AlertFilters,
  type Client,
  type Evidence,
} from './api';
import { Empty, ErrorNotice, Loading, navigate, useLoad, type Route } from './common';
import { label, useI18n, type MessageKey } from './i18n';
import { regionLabel } from './regions';

const SEVERITY_RANK = { RED: 0, ORANGE: 1, YELLOW: 2, BLUE: 3 } as const;
const CLOSED = new Set(['RESOLVED', 'DISMISSED', 'CLEARED']);

/**
 * The inspector's order: alerts still to be handled first, then the most severe, then the longest waiting —
 * the one that has hurt workers longest is at the top of its colour.
 */
function byUrgency(a: Alert, b: Alert): number {
  return (
    Number(CLOSED.has(a.status)) - Number(CLOSED.has(b.status)) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.raisedAt.localeCompare(b.raisedAt)
  );
}

function matches(alert: Alert, filters: AlertFilters): boolean {
  return (
    (!filters.status || alert.status === filters.status) &&
    (!filters.code || alert.code === filters.code) &&
    (!filters.severity || alert.severity === filters.severity) &&
    (!filters.projectCode || alert.projectCode === filters.projectCode) &&
    (!filters.month || alert.month === filters.month)
  );
}

function useAge() {
  const { t } = useI18n();
  return (since: string) => {
    const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 60_000));
    if (minutes >= 1_440) return `${Math.floor(minutes / 1_440)}${t('days')}`;
    if (minutes >= 60) return `${Math.floor(minutes / 60)}${t('hours')}`;
    return `${minutes}${t('minutes')}`;
  };
}

const when = (instant: string) => new Date(instant).toLocaleString('zh-CN', { hour12: false });

export function Workbench({ api, route }: { api: Client; route: Route }) {
  const { t } = useI18n();
  const selectedId = route.parts[1];
  const [filters, setFilters] = useState<AlertFilters>({});
  const list = useLoad(() => api.alerts(filters), [api, filters]);
  const [items, setItems] = useState<Alert[]>([]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [live, setLive] = useState<'open' | 'connecting'>('connecting');
  const [detailVersion, setDetailVersion] = useState(0);

  useEffect(() => setItems(list.data?.items ?? []), [list.data]);

  // The stream handler reads the current filters and selection through refs, so the connection stays open.
  const current = useRef({ filters, selectedId, reload: list.reload });
  current.current = { filters, selectedId, reload: list.reload };

  // New and changed alerts arrive on the stream; after a dropped connection the list is loaded again, since
  // the stream only carries what happens while connected.
  useEffect(() => {
    const source = api.stream();
    let dropped = false;
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
    };
    for (const type of ['alert.raised', 'alert.updated', 'alert.cleared']) {
      source.addEventListener(type, onChange as EventListener);
    }
    return () => source.close();
  }, [api]);

  const sorted = useMemo(() => [...items].sort(byUrgency), [items]);
  const replace = (alert: Alert) =>
    setItems((current) => current.map((a) => (a.id === alert.id ? alert : a)));

  return (
    <main className={`workbench ${selectedId ? 'has-detail' : ''}`}>
      <section className="list-pane">
        <Filters value={filters} onChange={setFilters} />
        <p className={`live ${live}`} data-live={live}>
          ● {live === 'open' ? t('liveOpen') : t('liveConnecting')}
          {list.data && (
            <span className="muted">
              {' '}
              · {t('total')} {items.length}
            </span>
          )}
        </p>
        {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.loading && !list.data && <Loading />}
        {list.data && sorted.length === 0 && <Empty>{t('noAlerts')}</Empty>}
        <AlertList alerts={sorted} fresh={fresh} selectedId={selectedId} />
      </section>
      <section className="detail-pane">
        {selectedId ? (
          <AlertDetail
            key={selectedId}
            api={api}
            id={selectedId}
            version={detailVersion}
            onChange={replace}
          />
        ) : (
          <Empty>{t('selectAlert')}</Empty>
        )}
      </section>
    </main>
  );
}

function Filters({ value, onChange }: { value: AlertFilters; onChange(filters: AlertFilters): void }) {
  const { t } = useI18n();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    onChange({
      status: text('status') as AlertFilters['status'],
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
    <form className="filters" onSubmit={submit} onReset={() => onChange({})}>
      <label>
        {t('status')}
        <select name="status" defaultValue={value.status ?? ''}>
          {options('status', STATUSES)}
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
}: {
  alerts: Alert[];
  fresh: Set<string>;
  selectedId?: string;
}) {
  const { t } = useI18n();
  const age = useAge();
  return (
    <ul className="alerts">
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
              {alert.title}
            </span>
            <span className="meta muted">
              {label(t, 'code', alert.code)} · {alert.projectCode}
              {alert.month ? ` · ${alert.month}` : ''} · {t('age')} {age(alert.raisedAt)}
            </span>
            <span className={`status st-${alert.status}`}>{label(t, 'status', alert.status)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function AlertDetail(props: { api: Client; id: string; version: number; onChange(alert: Alert): void }) {
  const { api, id, version, onChange } = props;
  const { t } = useI18n();
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
        {alert.title}
      </h2>
      <dl className="facts">
        <dt>{t('status')}</dt>
        <dd className="detail-status">{label(t, 'status', alert.status)}</dd>
        <dt>{t('code')}</dt>
        <dd>
          {label(t, 'code', alert.code)} <span className="muted">{alert.code}</span>
        </dd>
        <dt>{t('project')}</dt>
        <dd>{alert.projectCode}</dd>
        <dt>{t('region')}</dt>
        <dd>{regionLabel(alert.regionCode)}</dd>
        {alert.month && (
          <>
            <dt>{t('month')}</dt>
            <dd>{alert.month}</dd>
          </>
        )}
        <dt>{t('raisedAt')}</dt>
        <dd>{when(alert.raisedAt)}</dd>
        <dt>{t('assignee')}</dt>
        <dd>{alert.assignee ?? '—'}</dd>
      </dl>

      <section className="actions">
        <h3>{t('actions')}</h3>
        {closed ? (
          <p className="muted">{t('closed')}</p>
        ) : (
          <>
            <textarea
              name="note"
              value={note}
              maxLength={4000}
              placeholder={t('notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
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
                onClick={requireText(note, 'noteRequired', (text) => act({ action: 'resolve', note: text }))}
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
            <div className="row">
              <input
                name="assignee"
                value={assignee}
                placeholder={t('assigneePlaceholder')}
                onChange={(e) => setAssignee(e.target.value)}
              />
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

      <EvidenceView evidence={alert.evidence} />

      <section>
        <h3>{t('history')}</h3>
        <ol className="history">
          {alert.history.map((entry, index) => (
            <li key={index}>
              <span className="muted">{when(entry.at)}</span> <strong>{entry.action}</strong> · {entry.actor}
              {entry.toStatus && ` → ${label(t, 'status', entry.toStatus)}`}
              {entry.note && <div className="note">{entry.note}</div>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function EvidenceView({ evidence }: { evidence: Evidence }) {
  const { t } = useI18n();
  const amounts = Object.entries(evidence.amounts);
  const { pendingRevision, ...otherFacts } = evidence.facts;
  const facts = [...Object.entries(otherFacts), ...Object.entries(evidence.parameters)];
  return (
    <section className="evidence">
      {isPendingRevision(pendingRevision) && <PendingRevisionView revision={pendingRevision} />}
      <h3>
        {t('evidence')} · {t('workersAffected')} {evidence.workersAffected}
      </h3>
      {amounts.length > 0 && (
        <dl className="facts">
          {amounts.map(([name, fen]) => (
            <div key={name}>
              <dt>{name.replace(/Fen$/, '')}</dt>
              <dd className="money">{formatFen(fen)}</dd>
            </div>
          ))}
        </dl>
      )}
      {evidence.workers.length > 0 && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('idNumber')}</th>
                <th>{t('card')}</th>
                <th className="money">{t('amountDue')}</th>
                <th className="money">{t('amountPaid')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.workers.map((w, index) => (
                <tr key={`${w.idMasked}-${index}`}>
                  <td>{w.name ?? '—'}</td>
                  <td className="mono">{w.idMasked}</td>
                  <td className="mono">{w.cardMasked ?? '—'}</td>
                  <td className="money">{w.amountDueFen === undefined ? '—' : formatFen(w.amountDueFen)}</td>
                  <td className="money">
                    {w.amountPaidFen === undefined ? '—' : formatFen(w.amountPaidFen)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evidence.transactions.length > 0 && (
        <div className="scroll">
          <h4>{t('transactions')}</h4>
          <table>
            <thead>
              <tr>
                <th>{t('time')}</th>
                <th>{t('kind')}</th>
                <th className="money">{t('amount')}</th>
                <th>{t('counterparty')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.transactions.map((tx) => (
                <tr key={`${tx.accountNumber}-${tx.serialNo}`}>
                  <td>{when(tx.occurredAt)}</td>
                  <td>{tx.kind}</td>
                  <td className="money">{formatFen(tx.amountFen)}</td>
                  <td>
                    {tx.counterpartyName ?? ''}{' '}
                    <span className="mono">{tx.counterpartyAccountMasked ?? ''}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {facts.length > 0 && (
        <dl className="facts small">
          {facts.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      )}
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
            {when(revision.submittedAt)} ({t('revisionDeadline')} {revision.deadline})
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
