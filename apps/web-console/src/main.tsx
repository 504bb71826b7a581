import { StrictMode, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { client, login, sessionFromToken, type Client, type Session } from './api';
import { ErrorNotice, navigate, useHashRoute, useLoad } from './common';
import { Admin, AdminLink } from './admin';
import { CaseList, CasePage, IntakeQueue } from './casework';
import { Dashboard } from './dashboard';
import { I18nProvider, useI18n } from './i18n';
import { GridsPage, Patrol } from './grid';
import { EmployerPage, PublicBlacklist } from './integrity';
import { ProjectPage } from './project';
import { regionName } from './regions';
import { Workbench } from './workbench';
import './styles.css';

const TOKEN_KEY = 'wage-console.token';

/** Where a user starts: leaders on the dashboard, grid assistants on their patrol page (a phone), others on alerts. */
function startPage(role: Session['role']): string {
  return role === 'LEADER' ? 'dashboard' : role === 'GRID_ASSISTANT' ? 'patrol' : 'alerts';
}

/** The stored session, unless its token has expired (the API would refuse it anyway). */
function storedSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  try {
    const session = sessionFromToken(token);
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="link lang"
      data-testid="lang-switch"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}

function Login({ onLogin }: { onLogin(session: Session): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await login(String(form.get('username')), String(form.get('password'))));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login">
      <form onSubmit={submit} className="card">
        <div className="row spread">
          <h1>{t('appTitle')}</h1>
          <LanguageSwitch />
        </div>
        <label>
          {t('username')}
          <input name="username" autoComplete="username" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error !== undefined && <ErrorNotice error={error} login />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('loggingIn') : t('login')}
        </button>
      </form>
    </main>
  );
}

/**
 * From 1 November the State Council's schedule for next year is due; until it is entered, deadlines in that year
 * count Monday to Friday. Everyone is told, so that an administrator enters it.
 */
function CalendarBanner({ api }: { api: Client }) {
  const { t } = useI18n();
  const [year, monthDay] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split(/-(.*)/s);
  const due = monthDay >= '11-01';
  const next = useLoad(
    () => (due ? api.calendar(Number(year) + 1) : Promise.resolve(null)),
    [api, due, year],
  );
  if (!next.data || next.data.known) return null;
  return (
    <p className="notice pending banner" role="status" data-testid="calendar-banner">
      {t('calendarMissing')} （{next.data.year}）
    </p>
  );
}

function App() {
  const { t } = useI18n();
  const route = useHashRoute();
  const [session, setSession] = useState<Session | null>(storedSession);
  const api = useMemo(() => (session ? client(session.token) : null), [session]);

  const signIn = (next: Session) => {
    sessionStorage.setItem(TOKEN_KEY, next.token);
    setSession(next);
    // A page asked for before signing in (a link from a message) is where the user goes; else their start page.
    if (!route.parts[0] || route.parts[0] === 'login') navigate(startPage(next.role));
  };
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setSession(null);
    navigate('login');
  };

  // A token expires (15 minutes by default): then the user signs in again rather than meeting 401s.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(signOut, Math.max(0, session.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session]);

  // The published blacklist is public: no login.
  if (route.parts[0] === 'public-blacklist')
    return <PublicBlacklist employer={route.params.get('employer') ?? undefined} />;
  if (!session || !api) return <Login onLogin={signIn} />;
  const page = route.parts[0] ?? startPage(session.role);
  const assistant = session.role === 'GRID_ASSISTANT';
  const overseer = session.role === 'INSPECTOR' || session.role === 'LEADER';
  if (page === 'employers') return <EmployerPage token={session.token} creditCode={route.parts[1] ?? ''} />;
  return (
    <>
      <header className="top">
        <strong className="brand">{t('appTitle')}</strong>
        <nav>
          {assistant && (
            <a href="#/patrol" className={page === 'patrol' ? 'active' : ''}>
              {t('patrol')}
            </a>
          )}
          <a href="#/alerts" className={page === 'alerts' ? 'active' : ''}>
            {t('workbench')}
          </a>
          <a href="#/dashboard" className={page === 'dashboard' ? 'active' : ''}>
            {t('dashboard')}
          </a>
          {session.role === 'INSPECTOR' && (
            <>
              <a href="#/intake" className={page === 'intake' ? 'active' : ''}>
                {t('intake')}
              </a>
              <a href="#/cases" className={page === 'cases' ? 'active' : ''}>
                {t('cases')}
              </a>
            </>
          )}
          {overseer && (
            <a href="#/grids" className={page === 'grids' ? 'active' : ''}>
              {t('grids')}
            </a>
          )}
          <AdminLink session={session} active={page === 'admin'} />
        </nav>
        <span className="who muted">
          {session.username} · {regionName(session.regionCode) ?? session.regionCode}
        </span>
        <LanguageSwitch />
        <button type="button" className="link" onClick={signOut}>
          {t('logout')}
        </button>
      </header>
      <CalendarBanner api={api} />
      {page === 'patrol' && assistant ? (
        <Patrol api={api} session={session} />
      ) : page === 'grids' && overseer ? (
        <GridsPage api={api} session={session} route={route} />
      ) : page === 'admin' ? (
        <Admin api={api} session={session} route={route} />
      ) : page === 'dashboard' ? (
        <Dashboard api={api} session={session} route={route} />
      ) : page === 'intake' ? (
        <IntakeQueue token={session.token} />
      ) : page === 'projects' && route.parts[1] ? (
        <ProjectPage api={api} code={route.parts[1]} />
      ) : page === 'cases' && route.parts[1] ? (
        <CasePage token={session.token} id={route.parts[1]} />
      ) : page === 'cases' ? (
        <CaseList token={session.token} />
      ) : (
        <Workbench
          api={api}
          route={route}
          token={session.role === 'INSPECTOR' ? session.token : undefined}
          readOnly={assistant}
        />
      )}
    </>
  );
}

/** Links in e-mails and WeCom or DingTalk messages name a page by path (/alerts/<id>); the console routes by hash. */
function adoptPathRoute(): void {
  const { pathname, search, hash } = window.location;
  if (!hash && /^\/(alerts|dashboard|cases|patrol|grids|projects)(\/|$)/.test(pathname)) {
    window.history.replaceState(null, '', `/#${pathname}${search}`);
  }
}

adoptPathRoute();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
