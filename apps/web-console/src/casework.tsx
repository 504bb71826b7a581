import { useState, type FormEvent } from 'react';
import { ApiFailure } from './api';
import { Empty, ErrorNotice, Loading, navigate, useLoad } from './common';
import { useI18n } from './i18n';
import { ProjectLink } from './project';

// Casework for inspectors: the intake queue with acceptance clocks, the case list, and a case page with its clocks,
// wages owed/recovered/outstanding, the timeline, actions as a form and the documents to download. Phone-first.

const TEXT = {
  zh: {
    intake: '受理队列',
    cases: '案件',
    noComplaints: '没有待受理的投诉、举报或线索。',
    noCases: '暂无案件。',
    acceptBy: '受理期限',
    daysLeft: '剩余工作日',
    overdue: '已超期',
    accept: '受理立案',
    employer: '用人单位',
    employerRecord: '守法诚信档案',
    project: '项目',
    period: '欠薪期间',
    amountOwed: '反映欠薪金额',
    status: '状态',
    OPEN: '办理中',
    CLOSED: '已结案',
    PENDING: '待受理',
    SUPPLEMENT_REQUESTED: '待补正',
    closeBy: '办结期限',
    extended: '已延长',
    wages: '欠薪追偿',
    owed: '应付',
    recovered: '已追回',
    outstanding: '尚欠',
    police: '移送公安',
    offered: '可移送',
    notOffered: '暂不具备移送条件',
    timeline: '办案记录',
    documents: '文书',
    download: '下载',
    newAction: '记录办案措施',
    kind: '措施',
    at: '时间',
    note: '内容',
    deadline: '整改期限',
    amount: '金额（元）',
    documentNo: '文书编号',
    article: '处罚依据条款',
    save: '保存',
    saving: '保存中…',
    saved: '已保存',
    back: '返回',
    SUMMONS: '约谈',
    SITE_INSPECTION: '现场检查',
    RECTIFICATION_ORDER: '限期改正指令书',
    HANDLING_DECISION: '行政处理决定',
    PENALTY: '行政处罚',
    EXTRA_COMPENSATION: '加付赔偿金',
    TRANSFER_POLICE: '移送公安',
    TRANSFER_DEPARTMENT: '移送其他部门',
    EXTENSION: '延长办案期限',
    OPENED: '立案',
    RECOVERY: '追回工资',
    openCase: '立案',
    opening: '立案中…',
    caseOf: '查看案件',
  },
  en: {
    intake: 'Intake',
    cases: 'Cases',
    noComplaints: 'No complaint, report or clue awaits a decision.',
    noCases: 'No case.',
    acceptBy: 'Decide by',
    daysLeft: 'Working days left',
    overdue: 'overdue',
    accept: 'Accept and open a case',
    employer: 'Employer',
    employerRecord: 'Compliance record',
    project: 'Project',
    period: 'Period',
    amountOwed: 'Amount reported owed',
    status: 'Status',
    OPEN: 'open',
    CLOSED: 'closed',
    PENDING: 'pending',
    SUPPLEMENT_REQUESTED: 'awaiting supplement',
    closeBy: 'Close by',
    extended: 'extended',
    wages: 'Wages',
    owed: 'Owed',
    recovered: 'Recovered',
    outstanding: 'Outstanding',
    police: 'Transfer to the police',
    offered: 'offered',
    notOffered: 'not offered',
    timeline: 'Timeline',
    documents: 'Documents',
    download: 'Download',
    newAction: 'Record an action',
    kind: 'Action',
    at: 'When',
    note: 'Note',
    deadline: 'Deadline',
    amount: 'Amount (yuan)',
    documentNo: 'Document number',
    article: 'Article',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    back: 'Back',
    SUMMONS: 'Summons',
    SITE_INSPECTION: 'Site inspection',
    RECTIFICATION_ORDER: 'Rectification order',
    HANDLING_DECISION: 'Handling decision',
    PENALTY: 'Penalty',
    EXTRA_COMPENSATION: 'Extra compensation',
    TRANSFER_POLICE: 'Transfer to the police',
    TRANSFER_DEPARTMENT: 'Transfer to a department',
    EXTENSION: 'Extension',
    OPENED: 'Opened',
    RECOVERY: 'Recovery',
    openCase: 'Open a case',
    opening: 'Opening…',
    caseOf: 'View the case',
  },
} as const;

function useText() {
  const { lang } = useI18n();
  return (key: string) => (TEXT[lang] as Record<string, string>)[key] ?? key;
}

const ACTION_KINDS = [
  'SUMMONS',
  'SITE_INSPECTION',
  'RECTIFICATION_ORDER',
  'HANDLING_DECISION',
  'PENALTY',
  'EXTRA_COMPENSATION',
  'TRANSFER_POLICE',
  'TRANSFER_DEPARTMENT',
  'EXTENSION',
] as const;
/** Actions that produce a document to download. */
const WITH_DOCUMENT = new Set([
  'SUMMONS',
  'RECTIFICATION_ORDER',
  'HANDLING_DECISION',
  'PENALTY',
  'TRANSFER_POLICE',
]);

async function call<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => {
    throw new ApiFailure(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
  });
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok)
    throw new ApiFailure(response.status, json.error ?? `HTTP_${response.status}`, json.message ?? '');
  return json as T;
}

/** 立案 on an alert: opens the case from it, or links to the case it has. */
export function OpenCaseFromAlert({
  token,
  alertId,
  caseId,
}: {
  token: string;
  alertId: string;
  caseId?: string;
}) {
  const text = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (caseId)
    return (
      <a href={`#/cases/${caseId}`} data-testid="alert-case-link">
        {text('caseOf')}
      </a>
    );
  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const opened = await call<{ id: string }>(token, 'POST', '/cases', { alertId });
      navigate(`cases/${opened.id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" className="primary" data-testid="open-case" disabled={busy} onClick={open}>
        {busy ? text('opening') : text('openCase')}
      </button>
      {error !== undefined && <ErrorNotice error={error} />}
    </div>
  );
}

interface ComplaintItem {
  id: string;
  kind: string;
  status: string;
  employer: { name: string };
  periodFrom: string;
  periodTo: string;
  amountOwed: string | null;
  acceptBy: string;
  clock: { workingDaysLeft: number; overdue: boolean } | null;
}

/** The intake queue: complaints, reports and clues awaiting a decision, the closest acceptance deadline first. */
export function IntakeQueue({ token }: { token: string }) {
  const text = useText();
  const list = useLoad(
    () => call<{ items: ComplaintItem[] }>(token, 'GET', '/complaints?status=PENDING&pageSize=100'),
    [token],
  );
  const [error, setError] = useState<unknown>();
  const accept = async (id: string) => {
    setError(undefined);
    try {
      const accepted = await call<{ caseId: string }>(token, 'POST', `/complaints/${id}/accept`, {});
      navigate(`cases/${accepted.caseId}`);
    } catch (failure) {
      setError(failure);
    }
  };
  if (list.error !== undefined) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const items = [...list.data.items].sort((a, b) => a.acceptBy.localeCompare(b.acceptBy));
  return (
    <main className="casework" data-testid="intake">
      <h2>{text('intake')}</h2>
      {error !== undefined && <ErrorNotice error={error} />}
      {items.length === 0 && <Empty>{text('noComplaints')}</Empty>}
      <ul className="cards">
        {items.map((c) => (
          <li key={c.id} className="card" data-complaint-id={c.id}>
            <strong>{c.employer.name}</strong>
            <dl className="facts">
              <dt>{text('period')}</dt>
              <dd>
                {c.periodFrom} – {c.periodTo}
              </dd>
              <dt>{text('amountOwed')}</dt>
              <dd>{c.amountOwed ?? '—'}</dd>
              <dt>{text('acceptBy')}</dt>
              <dd data-testid="accept-by">
                {c.acceptBy}
                {c.clock && (
                  <span className={c.clock.overdue ? 'overdue' : 'muted'}>
                    {' '}
                    （{c.clock.overdue ? text('overdue') : `${text('daysLeft')} ${c.clock.workingDaysLeft}`}）
                  </span>
                )}
              </dd>
            </dl>
            <button type="button" className="primary" onClick={() => accept(c.id)}>
              {text('accept')}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

interface CaseSummary {
  id: string;
  status: 'OPEN' | 'CLOSED';
  employer: { name: string; creditCode: string | null };
  /** The project the case is about, when it names one. */
  projectCode?: string | null;
  clock: { closeBy: string; extended: boolean; workingDaysLeft: number; overdue: boolean };
  wages: { owed: string; recovered: string; outstanding: string };
}

/** The caller's cases: open ones by their deadline first. */
export function CaseList({ token }: { token: string }) {
  const text = useText();
  const list = useLoad(() => call<{ items: CaseSummary[] }>(token, 'GET', '/cases?pageSize=100'), [token]);
  if (list.error !== undefined) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <main className="casework" data-testid="cases">
      <h2>{text('cases')}</h2>
      {list.data.items.length === 0 && <Empty>{text('noCases')}</Empty>}
      <ul className="cards">
        {list.data.items.map((c) => (
          <li key={c.id} className="card">
            <a href={`#/cases/${c.id}`}>{c.employer.name}</a> <span className="muted">{text(c.status)}</span>
            <p>
              {text('closeBy')} {c.clock.closeBy}
              {c.status === 'OPEN' &&
                (c.clock.overdue
                  ? ` · ${text('overdue')}`
                  : ` · ${text('daysLeft')} ${c.clock.workingDaysLeft}`)}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}

interface CaseDetail extends CaseSummary {
  actions: {
    id: string;
    kind: string;
    at: string;
    note: string;
    documentNo: string | null;
    deadline: string | null;
  }[];
  timeline: { at: string; event: string; actor: string | null; note: string | null }[];
  policeTransfer: { offered: boolean; reason: string; transferred: boolean };
}

const localNow = () => {
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return now.toISOString().slice(0, 16);
};

/** A case for its inspectors: clocks, wages, the transfer to the police, timeline, documents, and an action form. */
export function CasePage({ token, id }: { token: string; id: string }) {
  const text = useText();
  const loaded = useLoad(() => call<CaseDetail>(token, 'GET', `/cases/${id}`), [token, id]);
  const [kind, setKind] = useState<string>('SUMMONS');
  const [outcome, setOutcome] = useState<{ error?: unknown; saved?: boolean }>({});
  const [busy, setBusy] = useState(false);
  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const c = loaded.data;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const at = value('at');
    setBusy(true);
    setOutcome({});
    try {
      await call(token, 'POST', `/cases/${id}/actions`, {
        kind,
        at: at ? new Date(at).toISOString() : new Date().toISOString(),
        note: value('note'),
        deadline: value('deadline'),
        amount: value('amount'),
        documentNo: value('documentNo'),
        article: value('article'),
      });
      setOutcome({ saved: true });
      loaded.reload();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };
  const download = async (actionId: string, name: string) => {
    const response = await fetch(`/api/v1/cases/${id}/documents/${actionId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok)
      return setOutcome({ error: new ApiFailure(response.status, `HTTP_${response.status}`, '') });
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name}.pdf`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <main className="casework" data-testid="case" data-case-id={c.id}>
      <a href="#/cases" className="back">
        ← {text('back')}
      </a>
      <h2>
        {c.employer.name}{' '}
        {c.employer.creditCode && (
          <a
            href={`#/employers/${encodeURIComponent(c.employer.creditCode)}`}
            className="employer-link"
            data-testid="employer-link"
          >
            {text('employerRecord')} ›
          </a>
        )}
      </h2>
      <dl className="facts">
        {c.projectCode && (
          <>
            <dt>{text('project')}</dt>
            <dd>
              <ProjectLink code={c.projectCode} />
            </dd>
          </>
        )}
        <dt>{text('status')}</dt>
        <dd>{text(c.status)}</dd>
        <dt>{text('closeBy')}</dt>
        <dd data-testid="case-clock">
          {c.clock.closeBy}
          {c.clock.extended && `（${text('extended')}）`}
          {c.status === 'OPEN' &&
            (c.clock.overdue ? ` · ${text('overdue')}` : ` · ${text('daysLeft')} ${c.clock.workingDaysLeft}`)}
        </dd>
        <dt>{text('owed')}</dt>
        <dd data-testid="wages-owed">{c.wages.owed}</dd>
        <dt>{text('recovered')}</dt>
        <dd>{c.wages.recovered}</dd>
        <dt>{text('outstanding')}</dt>
        <dd data-testid="wages-outstanding">{c.wages.outstanding}</dd>
        <dt>{text('police')}</dt>
        <dd data-testid="police-transfer">
          {c.policeTransfer.offered ? text('offered') : text('notOffered')}：{c.policeTransfer.reason}
        </dd>
      </dl>

      <h3>{text('documents')}</h3>
      <ul>
        {c.actions
          .filter((a) => WITH_DOCUMENT.has(a.kind))
          .map((a) => (
            <li key={a.id}>
              {text(a.kind)} {a.documentNo ?? ''}{' '}
              <button
                type="button"
                className="link"
                onClick={() => download(a.id, `${text(a.kind)}-${a.documentNo ?? a.id}`)}
              >
                {text('download')}
              </button>
            </li>
          ))}
      </ul>

      <h3>{text('timeline')}</h3>
      <ol className="timeline" data-testid="timeline">
        {c.timeline.map((entry, i) => (
          <li key={i}>
            <span className="muted">{entry.at.slice(0, 16).replace('T', ' ')}</span> {text(entry.event)}{' '}
            {entry.note}
          </li>
        ))}
      </ol>

      {c.status === 'OPEN' && (
        <form onSubmit={submit} className="card" data-testid="action-form">
          <h3>{text('newAction')}</h3>
          <label>
            {text('kind')}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {text(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {text('at')}
            <input name="at" type="datetime-local" defaultValue={localNow()} />
          </label>
          <label>
            {text('note')}
            <textarea name="note" required />
          </label>
          {(kind === 'RECTIFICATION_ORDER' || kind === 'HANDLING_DECISION') && (
            <label>
              {text('deadline')}
              <input name="deadline" type="date" required={kind === 'RECTIFICATION_ORDER'} />
            </label>
          )}
          {['RECTIFICATION_ORDER', 'HANDLING_DECISION', 'PENALTY', 'EXTRA_COMPENSATION'].includes(kind) && (
            <label>
              {text('amount')}
              <input name="amount" inputMode="decimal" pattern="\d+(\.\d{1,2})?" />
            </label>
          )}
          {kind === 'PENALTY' && (
            <label>
              {text('article')}
              <select name="article" required>
                {['ART_54_UNIT', 'ART_54_PERSON', 'ART_55', 'ART_56', 'ART_57'].map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {text('documentNo')}
            <input name="documentNo" />
          </label>
          {outcome.error !== undefined && <ErrorNotice error={outcome.error} />}
          {outcome.saved && (
            <p className="notice" role="status">
              {text('saved')}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? text('saving') : text('save')}
          </button>
        </form>
      )}
    </main>
  );
}
