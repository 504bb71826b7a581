import { useEffect, useState } from 'react';
import { ApiFailure } from './api';
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

/** An error as the API reported it: its message, and its code for whoever reports it to support. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const failure =
    error instanceof ApiFailure ? error : new ApiFailure(0, 'CLIENT_ERROR', (error as Error)?.message ?? '');
  return (
    <div className="notice error" role="alert">
      <strong>{t('error')}</strong> <span className="muted">({failure.code})</span>
      <p>{failure.message}</p>
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
  return <p className="notice muted">{t('loading')}</p>;
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
