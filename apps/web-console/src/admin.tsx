import { useState, type FormEvent, type ReactNode } from 'react';
import type { Client, ProjectStatus, Role, Session } from './api';
import { Empty, ErrorNotice, Loading, useLoad, type Route } from './common';
import { label, useI18n } from './i18n';
import { regionLabel } from './regions';

/**
 * Administration, for the administrator role only (the API refuses anyone else whatever the console shows): users,
 * projects, banks and rule parameters, each through the existing API.
 */
const TABS = ['users', 'projects', 'banks', 'rules'] as const;
type Tab = (typeof TABS)[number];
const ROLES: Role[] = ['INSPECTOR', 'LEADER', 'ADMIN', 'GRID_ASSISTANT'];
const PROJECT_STATUSES = [
  'IN_CONSTRUCTION',
  'SUSPENDED',
  'COMPLETED',
] as const satisfies readonly ProjectStatus[];

export function Admin({ api, session, route }: { api: Client; session: Session; route: Route }) {
  const { t } = useI18n();
  if (session.role !== 'ADMIN') return <Empty>{t('adminOnly')}</Empty>;
  const tab: Tab = (TABS as readonly string[]).includes(route.parts[1] ?? '')
    ? (route.parts[1] as Tab)
    : 'users';
  return (
    <main className="admin">
      <nav className="tabs" aria-label={t('admin')}>
        {TABS.map((name) => (
          <a key={name} href={`#/admin/${name}`} className={name === tab ? 'active' : ''}>
            {t(`admin_${name}`)}
          </a>
        ))}
      </nav>
      {tab === 'users' && <Users api={api} session={session} />}
      {tab === 'projects' && <Projects api={api} />}
      {tab === 'banks' && <Banks api={api} />}
      {tab === 'rules' && <Rules api={api} />}
    </main>
  );
}

/** A form's outcome: an error in the user's language, or what was done. */
function useOutcome() {
  const [outcome, setOutcome] = useState<{ error?: unknown; message?: ReactNode; busy?: boolean }>({});
  const run = async (work: () => Promise<ReactNode>) => {
    setOutcome({ busy: true });
    try {
      setOutcome({ message: await work() });
    } catch (error) {
      setOutcome({ error });
    }
  };
  const view = (
    <>
      {outcome.error !== undefined && <ErrorNotice error={outcome.error} />}
      {outcome.message !== undefined && (
        <div className="notice ok" role="status">
          {outcome.message}
        </div>
      )}
    </>
  );
  return { busy: !!outcome.busy, run, view };
}

const fieldsOf = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget);
  return (name: string) => String(form.get(name) ?? '').trim();
};

/** A key or password shown this once, to copy. */
function ShownOnce({ title, secret }: { title: string; secret: string }) {
  const { t } = useI18n();
  return (
    <>
      <strong>{title}</strong>
      <p className="mono secret" data-testid="secret">
        {secret}
      </p>
      <p className="muted">{t('shownOnce')}</p>
    </>
  );
}

/** A password of 20 characters from the browser's cryptographic generator, for a reset. */
function newPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint32Array(20)), (n) => alphabet[n % alphabet.length]).join(
    '',
  );
}

function Users({ api, session }: { api: Client; session: Session }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const users = useLoad(() => api.users(), [api, version]);
  const create = useOutcome();
  const change = useOutcome();
  const [editing, setEditing] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    const form = event.currentTarget;
    void create.run(async () => {
      const created = await api.createUser({
        username: field('username'),
        displayName: field('displayName'),
        role: field('role') as Role,
        regionCode: field('regionCode'),
        password: field('password'),
        ...(field('email') && { email: field('email') }),
      });
      form.reset();
      setVersion((v) => v + 1);
      return `${t('created')} ${created.username}`;
    });
  };
  const patch = (username: string, body: Parameters<Client['changeUser']>[1], message: ReactNode) =>
    change.run(async () => {
      await api.changeUser(username, body);
      setVersion((v) => v + 1);
      setEditing(undefined);
      return message;
    });

  return (
    <>
      <section className="card">
        <h2>{t('admin_users')}</h2>
        {change.view}
        {users.error !== undefined && <ErrorNotice error={users.error} onRetry={users.reload} />}
        {users.loading && <Loading />}
        {users.data && (
          <table className="users stack" aria-busy={users.loading}>
            <thead>
              <tr>
                <th>{t('username')}</th>
                <th>{t('name')}</th>
                <th>{t('role')}</th>
                <th>{t('region')}</th>
                <th>{t('status')}</th>
                <th>{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.username} data-username={user.username} data-disabled={user.disabled}>
                  <td data-label={t('username')} className="mono">
                    {user.username}
                  </td>
                  <td data-label={t('name')}>{user.displayName}</td>
                  <td data-label={t('role')}>{label(t, 'role', user.role)}</td>
                  <td data-label={t('region')}>{regionLabel(user.regionCode)}</td>
                  <td data-label={t('status')}>{user.disabled ? t('userDisabled') : t('userActive')}</td>
                  <td data-label={t('actions')}>
                    <div className="buttons">
                      {user.username !== session.username && (
                        <button
                          type="button"
                          disabled={change.busy}
                          onClick={() =>
                            patch(
                              user.username,
                              { disabled: !user.disabled },
                              `${user.username} ${user.disabled ? t('userEnabledDone') : t('userDisabledDone')}`,
                            )
                          }
                        >
                          {user.disabled ? t('enable') : t('disable')}
                        </button>
                      )}
                      <button
                        type="button"
                        disabled={change.busy}
                        onClick={() => {
                          const password = newPassword();
                          void patch(
                            user.username,
                            { password },
                            <ShownOnce title={`${t('newPasswordFor')} ${user.username}`} secret={password} />,
                          );
                        }}
                      >
                        {t('resetPassword')}
                      </button>
                      <button type="button" onClick={() => setEditing(user.username)}>
                        {t('edit')}
                      </button>
                    </div>
                    {editing === user.username && (
                      <form
                        className="inline-edit"
                        onSubmit={(event) => {
                          const field = fieldsOf(event);
                          void patch(
                            user.username,
                            { role: field('role') as Role, regionCode: field('regionCode') },
                            `${t('saved')} ${user.username}`,
                          );
                        }}
                      >
                        <label>
                          {t('role')}
                          <select name="role" defaultValue={user.role}>
                            {ROLES.map((role) => (
                              <option key={role} value={role}>
                                {label(t, 'role', role)}
                              </option>
                            ))}
                          </select>
                        </label>
                        <label>
                          {t('regionCode')}
                          <input name="regionCode" defaultValue={user.regionCode} inputMode="numeric" />
                        </label>
                        <button type="submit" className="primary" disabled={change.busy}>
                          {t('save')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>{t('createUser')}</h2>
        <form className="admin-form" onSubmit={submit} data-testid="create-user">
          <label>
            {t('username')}
            <input name="username" required autoComplete="off" />
          </label>
          <label>
            {t('name')}
            <input name="displayName" required />
          </label>
          <label>
            {t('role')}
            <select name="role" defaultValue="INSPECTOR">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {label(t, 'role', role)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('regionCode')}
            <input name="regionCode" required inputMode="numeric" placeholder="350206" />
          </label>
          <label>
            {t('password')}
            <input name="password" type="password" required minLength={12} autoComplete="new-password" />
          </label>
          <label>
            {t('email')}
            <input name="email" type="email" />
          </label>
          <button type="submit" className="primary" disabled={create.busy}>
            {t('createUser')}
          </button>
        </form>
        {create.view}
      </section>
    </>
  );
}

function Projects({ api }: { api: Client }) {
  const { t } = useI18n();
  const register = useOutcome();
  const status = useOutcome();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    void register.run(async () => {
      const created = await api.registerProject({
        code: field('code'),
        name: field('name'),
        regionCode: field('regionCode'),
        contractor: { name: field('contractorName'), creditCode: field('contractorCreditCode') },
        owner: { name: field('ownerName') },
        contractAmount: field('contractAmount'),
        startDate: field('startDate'),
        payday: Number(field('payday')),
      });
      return <ShownOnce title={`${t('projectKeyFor')} ${created.code}`} secret={created.apiKey} />;
    });
  };
  const changeStatus = (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    void status.run(async () => {
      const code = field('code');
      const changed = await api.changeProjectStatus(code, {
        // The form's select offers only PROJECT_STATUSES.
        status: field('status') as ProjectStatus,
        effectiveDate: field('effectiveDate'),
        ...(field('reason') && { reason: field('reason') }),
      });
      return `${code}: ${label(t, 'projectStatus', String(changed.status ?? field('status')))}`;
    });
  };
  return (
    <>
      <section className="card">
        <h2>{t('registerProject')}</h2>
        <form className="admin-form" onSubmit={submit} data-testid="register-project">
          <label>
            {t('projectCode')}
            <input name="code" required />
          </label>
          <label>
            {t('projectName')}
            <input name="name" required />
          </label>
          <label>
            {t('regionCode')}
            <input name="regionCode" required inputMode="numeric" placeholder="350206" />
          </label>
          <label>
            {t('contractorName')}
            <input name="contractorName" required />
          </label>
          <label>
            {t('contractorCreditCode')}
            <input name="contractorCreditCode" required />
          </label>
          <label>
            {t('ownerName')}
            <input name="ownerName" required />
          </label>
          <label>
            {t('contractAmount')}
            <input name="contractAmount" required inputMode="decimal" placeholder="128000000.00" />
          </label>
          <label>
            {t('startDate')}
            <input name="startDate" type="date" required />
          </label>
          <label>
            {t('payday')}
            <input name="payday" type="number" min={1} max={31} required defaultValue={15} />
          </label>
          <button type="submit" className="primary" disabled={register.busy}>
            {t('registerProject')}
          </button>
        </form>
        {register.view}
      </section>
      <section className="card">
        <h2>{t('changeProjectStatus')}</h2>
        <form className="admin-form" onSubmit={changeStatus} data-testid="project-status">
          <label>
            {t('projectCode')}
            <input name="code" required />
          </label>
          <label>
            {t('status')}
            <select name="status" defaultValue="SUSPENDED">
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label(t, 'projectStatus', s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('effectiveDate')}
            <input name="effectiveDate" type="date" required />
          </label>
          <label>
            {t('reason')}
            <input name="reason" />
          </label>
          <button type="submit" className="primary" disabled={status.busy}>
            {t('save')}
          </button>
        </form>
        {status.view}
      </section>
    </>
  );
}

function Banks({ api }: { api: Client }) {
  const { t } = useI18n();
  const register = useOutcome();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    const form = event.currentTarget;
    void register.run(async () => {
      const created = await api.registerBank({ code: field('code'), name: field('name') });
      form.reset();
      return <ShownOnce title={`${t('bankKeyFor')} ${created.code}`} secret={created.apiKey} />;
    });
  };
  return (
    <section className="card">
      <h2>{t('registerBank')}</h2>
      <form className="admin-form" onSubmit={submit} data-testid="register-bank">
        <label>
          {t('bankCode')}
          <input name="code" required placeholder="ICBC-XM" />
        </label>
        <label>
          {t('bankName')}
          <input name="name" required />
        </label>
        <button type="submit" className="primary" disabled={register.busy}>
          {t('registerBank')}
        </button>
      </form>
      {register.view}
    </section>
  );
}

function Rules({ api }: { api: Client }) {
  const { t } = useI18n();
  const [region, setRegion] = useState('000000');
  const [version, setVersion] = useState(0);
  const catalogue = useLoad(() => api.rules(region), [api, region, version]);
  const save = useOutcome();
  const choose = (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    setRegion(field('region') || '000000');
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    void save.run(async () => {
      const raw = field('value').trim();
      // Empty lifts the value (null); anything else must be a number, never sent as null by mistake.
      const value = raw === '' ? null : Number(raw);
      if (value !== null && !Number.isFinite(value))
        throw new Error(`${t('value')} "${raw}": ${t('notANumber')}`);
      const reason = field('reason').trim();
      await api.setRules(region, {
        effectiveFrom: field('effectiveFrom'),
        parameters: { [field('parameter')]: value },
        ...(reason && { reason }),
      });
      setVersion((v) => v + 1);
      return `${t('saved')} ${field('parameter')} = ${raw || '—'} (${regionLabel(region)}, ${t('from')} ${field('effectiveFrom')})`;
    });
  };
  return (
    <>
      <section className="card">
        <h2>{t('admin_rules')}</h2>
        <form className="row wrap" onSubmit={choose}>
          <label>
            {t('regionCode')}
            <input name="region" defaultValue={region} inputMode="numeric" />
          </label>
          <button type="submit">{t('show')}</button>
        </form>
        {catalogue.error !== undefined && <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />}
        {catalogue.loading && <Loading />}
        {catalogue.data && (
          <div aria-busy={catalogue.loading}>
            <p className="muted">
              {regionLabel(catalogue.data.regionCode)} · {t('onDate')} {catalogue.data.onDate}
            </p>
            <table className="rules stack">
              <thead>
                <tr>
                  <th>{t('code')}</th>
                  <th>{t('parameter')}</th>
                  <th className="num">{t('value')}</th>
                  <th className="num">{t('defaultValue')}</th>
                  <th>{t('source')}</th>
                </tr>
              </thead>
              <tbody>
                {catalogue.data.rules.flatMap((rule) =>
                  rule.parameters.map((p) => (
                    <tr key={`${rule.code}.${p.name}`} data-parameter={`${rule.code}.${p.name}`}>
                      <td data-label={t('code')}>
                        {label(t, 'code', rule.code)}{' '}
                        <span className="muted">
                          {t('ruleVersion')} {rule.ruleVersion}
                        </span>
                      </td>
                      <td data-label={t('parameter')}>
                        <span className="mono">{p.name}</span> <span className="muted">{p.description}</span>
                      </td>
                      <td data-label={t('value')} className="num value">
                        {p.value ?? '—'} {p.unit}
                      </td>
                      <td data-label={t('defaultValue')} className="num">
                        {p.defaultValue ?? '—'}
                      </td>
                      <td data-label={t('source')} className="source">
                        {p.source?.kind === 'OVERRIDE'
                          ? `${regionLabel(p.source.regionCode)} ${t('from')} ${p.source.effectiveFrom}`
                          : t('nationalDefault')}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {catalogue.data && (
        <section className="card">
          <h2>{t('setParameter')}</h2>
          <form className="admin-form" onSubmit={submit} data-testid="set-parameter">
            <label>
              {t('parameter')}
              <select name="parameter">
                {catalogue.data.rules.flatMap((rule) =>
                  rule.parameters.map((p) => (
                    <option key={`${rule.code}.${p.name}`} value={`${rule.code}.${p.name}`}>
                      {label(t, 'code', rule.code)} · {p.name}
                    </option>
                  )),
                )}
              </select>
            </label>
            <label>
              {t('value')}
              <input name="value" inputMode="decimal" />
            </label>
            <label>
              {t('effectiveFrom')}
              <input name="effectiveFrom" type="date" required />
            </label>
            <label>
              {t('reason')}
              <input name="reason" placeholder={t('reasonForPastDate')} />
            </label>
            <button type="submit" className="primary" disabled={save.busy}>
              {t('save')} ({regionLabel(region)})
            </button>
          </form>
          {save.view}
        </section>
      )}
    </>
  );
}

/** The admin link in the header, for administrators only. */
export function AdminLink({ session, active }: { session: Session; active: boolean }) {
  const { t } = useI18n();
  if (session.role !== 'ADMIN') return null;
  return (
    <a href="#/admin/users" className={active ? 'active' : ''}>
      {t('admin')}
    </a>
  );
}
