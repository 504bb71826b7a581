import { useState, type FormEvent } from 'react';
import { ApiFailure } from './api';
import { ErrorNotice, Loading, navigate, useLoad } from './common';
import { label, useI18n } from './i18n';
import { ProjectLink } from './project';

// The employer's record (grades, findings, blacklist state) and the public arrears blacklist, which needs no login.

const TEXT = {
  zh: {
    publicTitle: '拖欠农民工工资失信联合惩戒对象名单',
    publicNote:
      '依据《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人社部令第45号）公布；相关责任人姓名已隐去。',
    employer: '用人单位',
    creditCode: '统一社会信用代码',
    reason: '列入事由',
    decidedOn: '列入日期',
    listedUntil: '列入期限至',
    persons: '相关责任人',
    search: '查询',
    export: '导出 Excel',
    none: '暂无列入名单的用人单位。',
    employerTitle: '用人单位守法诚信档案',
    back: '返回',
    grade: '守法诚信等级',
    ungraded: '尚未评价',
    supervision: '监管措施',
    KEY_TARGET: '重点监管',
    EXEMPT_FROM_ROUTINE_PATROL: '免于日常巡查',
    ROUTINE: '日常监管',
    grades: '等级记录',
    year: '年度',
    kind: '方式',
    ANNUAL: '年度评价',
    DOWNGRADE: '新查处即时降级',
    findings: '查处记录',
    noFindings: '无查处记录。',
    closedAt: '结案时间',
    unpaidWages: '欠薪',
    violations: '违法行为',
    wagesOwed: '欠薪金额',
    projects: '在建项目',
    alerts: '预警记录',
    alertsSummary: '成立的预警',
    alertsOpen: '未办结',
    alertsDismissed: '经核实驳回（不计入）',
    noAlerts: '其项目无预警记录。',
    raisedAt: '首次发现',
    alertStatus: '状态',
    stillOpen: '未办结',
    ended: '已消除',
    blacklist: '失信名单',
    listed: '已列入',
    notListed: '未列入',
    LEGAL_REPRESENTATIVE: '法定代表人',
    RESPONSIBLE_MANAGER: '负有直接责任的管理人员',
  },
  en: {
    publicTitle: 'Arrears blacklist (employers under joint disciplinary measures)',
    publicNote: 'Published under MOHRSS Order 45; the names of the persons responsible are masked.',
    employer: 'Employer',
    creditCode: 'Credit code',
    reason: 'Reason',
    decidedOn: 'Listed on',
    listedUntil: 'Listed until',
    persons: 'Persons responsible',
    search: 'Search',
    export: 'Export Excel',
    none: 'No employer is listed.',
    employerTitle: "Employer's compliance record",
    back: 'Back',
    grade: 'Integrity grade',
    ungraded: 'not graded yet',
    supervision: 'Supervision',
    KEY_TARGET: 'key target',
    EXEMPT_FROM_ROUTINE_PATROL: 'exempt from routine patrols',
    ROUTINE: 'routine',
    grades: 'Grades given',
    year: 'Year',
    kind: 'How',
    ANNUAL: 'annual grading',
    DOWNGRADE: 'downgraded on a new finding',
    findings: 'Findings',
    noFindings: 'No finding.',
    closedAt: 'Closed',
    unpaidWages: 'Unpaid wages',
    violations: 'Violations',
    wagesOwed: 'Wages owed',
    projects: 'Projects',
    alerts: 'Alerts',
    alertsSummary: 'Alerts that stood',
    alertsOpen: 'open',
    alertsDismissed: 'dismissed as unfounded (not counted)',
    noAlerts: 'No alert about its projects.',
    raisedAt: 'First raised',
    alertStatus: 'Status',
    stillOpen: 'open',
    ended: 'ended',
    blacklist: 'Blacklist',
    listed: 'listed',
    notListed: 'not listed',
    LEGAL_REPRESENTATIVE: 'legal representative',
    RESPONSIBLE_MANAGER: 'responsible manager',
  },
} as const;
type Key = keyof (typeof TEXT)['zh'];

function useText() {
  const { lang } = useI18n();
  return (key: string) => (TEXT[lang] as Record<string, string>)[key as Key] ?? key;
}

async function get<T>(path: string, token?: string): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).catch(() => {
    throw new ApiFailure(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
  });
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok)
    throw new ApiFailure(response.status, json.error ?? `HTTP_${response.status}`, json.message ?? '');
  return json as T;
}

interface Listing {
  employerName: string;
  creditCode: string;
  reason: string;
  decidedOn: string;
  listedUntil: string;
  persons: { name: string; role: string }[];
}

/** The published list, for anyone: no login. */
export function PublicBlacklist({ employer }: { employer?: string }) {
  const text = useText();
  const [filter, setFilter] = useState(employer ?? '');
  const query = filter ? `?employer=${encodeURIComponent(filter)}` : '';
  const list = useLoad(
    () =>
      get<{ items: Listing[]; total: number }>(
        `/blacklist?${new URLSearchParams({ ...(filter && { employer: filter }), pageSize: '200' })}`,
      ),
    [filter],
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(String(new FormData(event.currentTarget).get('employer') ?? '').trim());
  };
  return (
    <main className="public-blacklist" data-testid="public-blacklist">
      <h1>{text('publicTitle')}</h1>
      <p className="muted">{text('publicNote')}</p>
      <form onSubmit={submit} className="row">
        <input
          name="employer"
          defaultValue={filter}
          placeholder={`${text('employer')} / ${text('creditCode')}`}
        />
        <button type="submit">{text('search')}</button>
        <a className="button" href={`/api/v1/blacklist/export${query}`} download>
          {text('export')}
        </a>
      </form>
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="notice empty">{text('none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{text('employer')}</th>
              <th>{text('creditCode')}</th>
              <th>{text('reason')}</th>
              <th>{text('decidedOn')}</th>
              <th>{text('listedUntil')}</th>
              <th>{text('persons')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((l) => (
              <tr key={`${l.creditCode}-${l.decidedOn}`} data-testid="listing">
                <td>{l.employerName}</td>
                <td>{l.creditCode}</td>
                <td>{l.reason}</td>
                <td>{l.decidedOn}</td>
                <td>{l.listedUntil}</td>
                <td>{l.persons.map((p) => `${p.name}（${text(p.role)}）`).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

interface GradeView {
  year: number;
  grade: 'A' | 'B' | 'C';
  kind: string;
  criteria: string[];
  findings: string[];
  assignedAt: string;
  supervision: string;
}

interface EmployerRecord {
  creditCode: string;
  name: string;
  grade: GradeView | null;
  grades: GradeView[];
  findings: {
    caseId: string;
    foundAt: string;
    closureCode: string;
    unpaidWages: boolean;
    violations: string[];
    wagesOwed: string;
    projectCode: string | null;
  }[];
  projects: { code: string; name: string; regionCode: string }[];
  alerts: {
    stood: number;
    open: number;
    dismissed: number;
    recent: {
      alertKey: string;
      projectCode: string;
      code: string;
      severity: string;
      month: string | null;
      title: string;
      firstRaisedAt: string;
      open: boolean;
    }[];
  };
  blacklist: { listed: boolean; listing: { listedUntil: string | null } | null };
}

/** An employer's record by credit code, reachable from any alert, case or project as #/employers/<credit code>. */
export function EmployerPage({ token, creditCode }: { token: string; creditCode: string }) {
  const text = useText();
  const { t } = useI18n();
  const record = useLoad(
    () => get<EmployerRecord>(`/employers/${encodeURIComponent(creditCode)}`, token),
    [creditCode],
  );
  const r = record.data;
  return (
    <main className="employer" data-testid="employer-page">
      <button type="button" className="link" onClick={() => navigate('alerts')}>
        ← {text('back')}
      </button>
      <h1>{text('employerTitle')}</h1>
      {record.error !== undefined && <ErrorNotice error={record.error} onRetry={record.reload} />}
      {record.loading && !r && <Loading />}
      {r && (
        <>
          <h2>
            {r.name} <span className="muted">{r.creditCode}</span>
          </h2>
          <p>
            {text('grade')}:{' '}
            <strong data-testid="grade">
              {r.grade ? `${r.grade.grade}（${r.grade.year}）` : text('ungraded')}
            </strong>
            {r.grade && ` · ${text('supervision')}: ${text(r.grade.supervision)}`} · {text('blacklist')}:{' '}
            <strong data-testid="listed">
              {r.blacklist.listed
                ? `${text('listed')} → ${r.blacklist.listing?.listedUntil ?? ''}`
                : text('notListed')}
            </strong>
          </p>
          <h3>{text('grades')}</h3>
          <table>
            <thead>
              <tr>
                <th>{text('year')}</th>
                <th>{text('grade')}</th>
                <th>{text('kind')}</th>
                <th>{text('findings')}</th>
              </tr>
            </thead>
            <tbody>
              {r.grades.map((g) => (
                <tr key={`${g.assignedAt}-${g.kind}`}>
                  <td>{g.year}</td>
                  <td>{g.grade}</td>
                  <td>{text(g.kind)}</td>
                  <td>{g.findings.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{text('findings')}</h3>
          {r.findings.length === 0 ? (
            <p className="notice empty">{text('noFindings')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{text('closedAt')}</th>
                  <th>{text('violations')}</th>
                  <th>{text('unpaidWages')}</th>
                  <th>{text('wagesOwed')}</th>
                </tr>
              </thead>
              <tbody>
                {r.findings.map((f) => (
                  <tr key={f.caseId} data-testid="finding">
                    <td>{f.foundAt.slice(0, 10)}</td>
                    <td>{f.violations.join('、')}</td>
                    <td>{f.unpaidWages ? '✓' : ''}</td>
                    <td>¥{f.wagesOwed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{text('alerts')}</h3>
          <p data-testid="alerts-summary">
            {text('alertsSummary')} <strong>{r.alerts.stood}</strong> · {text('alertsOpen')} {r.alerts.open} ·{' '}
            {text('alertsDismissed')} {r.alerts.dismissed}
          </p>
          {r.alerts.recent.length === 0 ? (
            <p className="notice empty">{text('noAlerts')}</p>
          ) : (
            <table className="stack">
              <thead>
                <tr>
                  <th>{text('raisedAt')}</th>
                  <th>{t('severity')}</th>
                  <th>{text('alerts')}</th>
                  <th>{text('alertStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {r.alerts.recent.map((a) => (
                  <tr key={a.alertKey} data-testid="employer-alert">
                    <td>{a.firstRaisedAt.slice(0, 10)}</td>
                    <td>
                      <span className={`badge sev-${a.severity}`}>{label(t, 'severity', a.severity)}</span>
                    </td>
                    <td>
                      {label(t, 'code', a.code)} · {a.projectCode}
                      {a.month ? ` · ${a.month}` : ''}
                    </td>
                    <td>{a.open ? text('stillOpen') : text('ended')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{text('projects')}</h3>
          <ul>
            {r.projects.map((p) => (
              <li key={p.code} data-testid="employer-project">
                <ProjectLink code={p.code} /> {p.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
