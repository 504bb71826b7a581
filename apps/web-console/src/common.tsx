import { useEffect, useState } from 'react';
import { ApiFailure } from './api';
import { failureMessage } from './errors';
import { useI18n } from './i18n';

/** The hash route, e.g. `#/alerts/abc` → ['alerts', 'abc'], with its query (`#/dashboard/350200?month=2026-03`). */
export interface Route {
  parts: string[];
  params: URLSearchParams;
}

function parseHash(): Route {
  const [path, search = ''] = window.location.hash.replace(/^#\/?/, '').split('?', 2);
  return {
    parts: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(search),
  };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const update = () => setRoute(parseHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(path: string, params: Record<string, string | undefined> = {}): void {
  const search = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();
  window.location.hash = `#/${path}${search ? `?${search}` : ''}`;
}

/**
 * An error in the interface's language, with the API's code and own words folded away for whoever reports it to
 * support. On the login page a 401 means the username or password was wrong, not an expired session.
 */
export function ErrorNotice({
  error,
  onRetry,
  login = false,
}: {
  error: unknown;
  onRetry?: () => void;
  login?: boolean;
}) {
  const { t, lang } = useI18n();
  const raw =
    error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT_ERROR', (error as Error)?.message ?? '');
  const failure = login && raw.status === 401 ? new ApiFailure(401, 'LOGIN_FAILED', raw.message) : raw;
  const message = failureMessage(failure, lang);
  return (
    <div className="notice error" role="alert" data-code={raw.code}>
      <strong>{t('error')}</strong> <span className="muted">({raw.code})</span>
      <p data-testid="error-message">{message}</p>
      {message !== raw.message && raw.code !== 'CLIENT_ERROR' && (
        <details className="technical">
          <summary>{t('technical')}</summary>
          <p className="mono">{raw.message}</p>
        </details>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="notice empty">{children}</p>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="notice muted loading" role="status" data-testid="loading">
      {t('loading')}
    </p>
  );
}

/** Loads on mount and whenever `deps` change; keeps the last answer, the error, and a way to load again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, attempt]);
  return { ...state, reload: () => setAttempt((a) => a + 1) };
}

/** A button that builds an XLSX file, saying how many rows it wrote (or why it could not). */
export function ExportButton({ run }: { run(): Promise<{ rows: number; total: number } | void> }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; message?: string }>({});
  const click = async () => {
    setState({ busy: true });
    try {
      const outcome = await run();
      setState({
        message: !outcome
          ? undefined
          : outcome.rows < outcome.total
            ? t('exportCapped').replace('{}', String(outcome.rows)).replace('{total}', String(outcome.total))
            : t('exported').replace('{}', String(outcome.rows)),
      });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <div className="export">
      <button type="button" data-testid="export" disabled={state.busy} onClick={click}>
        {state.busy ? t('exporting') : t('exportXlsx')}
      </button>
      {state.message && (
        <span className="muted" role="status">
          {' '}
          {state.message}
        </span>
      )}
      {state.error !== undefined && <ErrorNotice error={state.error} />}
    </div>
  );
}
