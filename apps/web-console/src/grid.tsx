import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  ApiFailure,
  VERIFICATION_RESULTS,
  type Alert,
  type Client,
  type Session,
  type Verification,
  type VerificationResult,
  type Visit,
  type VisitPhoto,
  type VisitPlan,
} from './api';
import { Empty, ErrorNotice, Loading, navigate, useLoad, type Route } from './common';
import {
  alertKeyOf,
  isOverdue,
  monthRange,
  PENDING,
  sniffImageType,
  toVerify,
  type ToVerify as Pending,
} from './grid-logic';
import { label, useI18n, type MessageKey } from './i18n';
import { regionLabel } from './regions';

// Grids (issue 22): the grid assistant's phone page (the month's visit plan, what waits to be verified, and the
// form that records a visit with its photos and verification), and the 网格 page of inspectors and leaders (each
// grid's visits and verifications, the region's grid coverage, a grid's visits with their photos).

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const MAX_FINDINGS = 2000;
const FUTURE_SLACK_MS = 5 * 60_000;
const OLDEST_DAYS = 31;

/** Today and this month in China, whatever the phone's clock zone says. */
function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
const thisMonth = () => shanghaiToday().slice(0, 7);

/** The datetime-local value of now on this phone (to the minute). */
function localNow(): string {
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return now.toISOString().slice(0, 16);
}

const when = (instant: string | null) =>
  instant
    ? new Date(instant).toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour12: false,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

interface PickedPhoto {
  key: string;
  file: File;
  error?: string;
  uploaded?: VisitPhoto;
}

type Text = (key: MessageKey) => string;
const fill = (template: string, value: string) => template.replace('{}', value);

/** Checks a chosen photo before it is sent; the file goes with the type its bytes show. */
async function checkPhoto(file: File, t: Text): Promise<{ file: File; error?: string }> {
  if (file.size === 0) return { file, error: fill(t('photoEmpty'), file.name) };
  if (file.size > MAX_PHOTO_BYTES) return { file, error: fill(t('photoTooLarge'), file.name) };
  const type = sniffImageType(new Uint8Array(await file.slice(0, 12).arrayBuffer()));
  if (!type) return { file, error: fill(t('photoType'), file.name) };
  return { file: file.type === type ? file : new File([file], file.name, { type }) };
}

/** What the server said about a photo it refused, in the interface's words. */
function photoRefusal(failure: unknown, name: string, t: Text): string {
  if (failure instanceof ApiFailure) {
    if (failure.status === 413) return fill(t('photoTooLarge'), name);
    if (failure.status === 415) return fill(t('photoType'), name);
    if (failure.code === 'TOO_MANY_PHOTOS') return t('tooManyPhotos');
    if (failure.status === 400 && /type|jpeg|png|webp|image/i.test(failure.message))
      return fill(t('photoType'), name);
    if (failure.status === 400 && /size|large|5 ?mi?b/i.test(failure.message))
      return fill(t('photoTooLarge'), name);
  }
  return `${fill(t('photoRejected'), name)} ${failure instanceof Error ? failure.message : String(failure)}`;
}

/** The grid assistant's landing page, phone-first: the plan, what waits to be verified, and the visit form. */
export function Patrol({ api, session }: { api: Client; session: Session }) {
  const { t } = useI18n();
  const grid = session.regionCode;
  const month = thisMonth();
  const today = shanghaiToday();
  const plan = useLoad(() => api.visitPlan(grid, month), [api, grid, month]);
  const alerts = useLoad(() => api.alerts({ open: true }, 1, 100), [api]);
  const requests = useLoad(
    () =>
      Promise.all([
        api.verifications({ gridCode: grid, status: 'OPEN' }),
        api.verifications({ gridCode: grid, status: 'ESCALATED' }),
      ]).then(([open, escalated]) => [...open.items, ...escalated.items]),
    [api, grid],
  );
  // What this page saved, shown at once (the server's lists catch up when the events have gone round).
  const [visited, setVisited] = useState<Set<string>>(new Set());
  const [verified, setVerified] = useState<Map<string, VerificationResult>>(new Map());
  const [target, setTarget] = useState<string>('');

  const pending = useMemo(
    () => toVerify(alerts.data?.items ?? [], requests.data ?? []),
    [alerts.data, requests.data],
  );

  const saved = (visit: Visit, targetKey: string | null) => {
    setVisited((v) => new Set(v).add(visit.projectCode));
    if (targetKey && visit.verifies) setVerified((v) => new Map(v).set(targetKey, visit.verifies!.result));
    setTarget('');
    plan.reload();
    requests.reload();
  };

  return (
    <main className="grid-page patrol" data-testid="patrol">
      <h2>
        {t('patrol')} <span className="muted">{regionLabel(grid)}</span>
      </h2>
      <PlanView plan={plan.data} error={plan.error} reload={plan.reload} visited={visited} />

      <section className="card" data-testid="to-verify">
        <h3>{t('toVerify')}</h3>
        {alerts.error !== undefined && <ErrorNotice error={alerts.error} onRetry={alerts.reload} />}
        {requests.error !== undefined && <ErrorNotice error={requests.error} onRetry={requests.reload} />}
        {(!alerts.data || !requests.data) && alerts.error === undefined && requests.error === undefined && (
          <Loading />
        )}
        {alerts.data && requests.data && pending.length === 0 && <Empty>{t('nothingToVerify')}</Empty>}
        <ul className="cards plain">
          {pending.map((item) => {
            const done = verified.get(item.key);
            const overdue = !done && isOverdue(item.request, today);
            return (
              <li
                key={item.key}
                className={`verify-item${overdue ? ' overdue' : ''}`}
                data-testid="verify-item"
                data-alert-key={item.alert ? alertKeyOf(item.alert) : undefined}
                data-complaint-id={item.complaintId}
              >
                <div>
                  {item.alert ? (
                    <>
                      <span className={`badge sev-${item.alert.severity}`}>
                        {label(t, 'severity', item.alert.severity)}
                      </span>{' '}
                      <a href={`#/alerts/${item.alert.id}`}>{label(t, 'code', item.alert.code)}</a>
                      {item.alert.month && <span className="muted"> {item.alert.month}</span>}
                    </>
                  ) : (
                    <strong>{t('complaint')}</strong>
                  )}
                  <span className="muted"> · {item.projectCode ?? '—'}</span>
                </div>
                <div className="small">
                  {item.request ? (
                    <span data-testid="verify-due" className={overdue ? 'timing overdue' : 'muted'}>
                      {t('verifyBy')} {item.request.dueBy}
                      {overdue && ` · ${t('verifyOverdue')}`}
                    </span>
                  ) : (
                    <span className="muted">{t('noRequest')}</span>
                  )}
                </div>
                {done ? (
                  <p className="notice ok" data-testid="verify-done">
                    {t('verified')}：{label(t, 'result', done)}
                  </p>
                ) : (
                  <button type="button" className="link" onClick={() => setTarget(item.key)}>
                    {t('verifyThis')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <VisitForm
        api={api}
        plan={plan.data}
        pending={pending.filter((item) => !verified.has(item.key))}
        target={target}
        onTarget={setTarget}
        onSaved={saved}
      />
    </main>
  );
}

function PlanView(props: { plan?: VisitPlan; error: unknown; reload(): void; visited: Set<string> }) {
  const { t } = useI18n();
  const { plan, error, reload, visited } = props;
  return (
    <section className="card" data-testid="visit-plan">
      <h3>{t('todayPlan')}</h3>
      {error !== undefined && <ErrorNotice error={error} onRetry={reload} />}
      {!plan && error === undefined && <Loading />}
      {plan && (
        <>
          <p className="muted small">{fill(t('planMonth'), plan.month)}</p>
          {plan.items.length === 0 && <Empty>{t('noPlan')}</Empty>}
          <ol className="cards plain">
            {plan.items.map((item) => {
              const done = item.visitedThisMonth || visited.has(item.projectCode);
              return (
                <li
                  key={item.projectCode}
                  className={`plan-item${done ? ' visited' : ''}`}
                  data-testid="plan-item"
                  data-project-code={item.projectCode}
                  data-visited={done}
                >
                  <div className="row spread wrap">
                    <strong>{item.projectName}</strong>
                    <span className={done ? 'tag ok' : 'tag'} data-testid="plan-visited">
                      {done ? `✓ ${t('visitedThisMonth')}` : t('notVisitedThisMonth')}
                    </span>
                  </div>
                  <div className="muted small">{item.projectCode}</div>
                  <div className="tags">
                    {item.reasons.map((reason) => (
                      <span key={reason} className={`tag reason-${reason}`} data-reason={reason}>
                        {reason === 'PATROL_DUE'
                          ? fill(t('reason_PATROL_DUE'), String(item.patrolIntervalMonths ?? ''))
                          : label(t, 'reason', reason)}
                      </span>
                    ))}
                  </div>
                  <dl className="facts small">
                    <dt>{t('grade')}</dt>
                    <dd>{item.employerGrade ?? t('ungraded')}</dd>
                    <dt>{t('patrolInterval')}</dt>
                    <dd>
                      {item.patrolIntervalMonths === null
                        ? t('noRoutinePatrol')
                        : fill(t('everyMonths'), String(item.patrolIntervalMonths))}
                    </dd>
                    <dt>{t('lastVisit')}</dt>
                    <dd>{item.lastVisitedAt ? when(item.lastVisitedAt) : t('neverVisited')}</dd>
                  </dl>
                </li>
              );
            })}
          </ol>
          {plan.exempt.length > 0 && (
            <details className="exempt">
              <summary>
                {t('exemptList')}（{plan.exempt.length}）
              </summary>
              <ul>
                {plan.exempt.map((item) => (
                  <li key={item.projectCode}>
                    {item.projectName} <span className="muted">{item.projectCode}</span> ·{' '}
                    {label(t, 'exempt', item.reason)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function VisitForm(props: {
  api: Client;
  plan?: VisitPlan;
  pending: Pending<Alert, Verification>[];
  target: string;
  onTarget(key: string): void;
  onSaved(visit: Visit, targetKey: string | null): void;
}) {
  const { t } = useI18n();
  const { api, plan, pending, target, onTarget, onSaved } = props;
  const [project, setProject] = useState('');
  const [at, setAt] = useState(localNow);
  const [findings, setFindings] = useState('');
  const [result, setResult] = useState<VerificationResult | ''>('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const [status, setStatus] = useState<string>('');
  const [savedVisit, setSavedVisit] = useState<Visit | null>(null);
  const [busy, setBusy] = useState(false);
  // A second tap while the first is on its way sends nothing: state updates too late to stop it on its own.
  const submitting = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const projects = [...(plan?.items ?? []), ...(plan?.exempt ?? [])];
  const chosen = pending.find((item) => item.key === target);

  // Choosing something to verify chooses its project, and brings the form into view.
  useEffect(() => {
    if (!chosen) return;
    if (chosen.projectCode) setProject(chosen.projectCode);
    formRef.current?.scrollIntoView({ block: 'start' });
  }, [target]);

  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    const checked = await Promise.all([...files].map((file) => checkPhoto(file, t)));
    setPhotos((current) => [
      ...current,
      ...checked.map((c, i) => ({ key: `${Date.now()}-${i}-${c.file.name}`, file: c.file, error: c.error })),
    ]);
    if (fileInput.current) fileInput.current.value = '';
  };
  const usable = photos.filter((p) => !p.error);
  const tooMany = usable.length > MAX_PHOTOS;

  const validate = (): string | null => {
    if (!project) return t('needProject');
    if (!at) return t('needTime');
    const instant = new Date(at).getTime();
    if (Number.isNaN(instant)) return t('needTime');
    if (instant > Date.now() + FUTURE_SLACK_MS) return t('timeInFuture');
    if (instant < Date.now() - OLDEST_DAYS * 86_400_000) return t('timeTooOld');
    if (!findings.trim()) return t('needFindings');
    if (findings.trim().length > MAX_FINDINGS) return t('findingsTooLong');
    if (chosen && !result) return t('needResult');
    if (tooMany) return t('tooManyPhotos');
    if (photos.some((p) => p.error)) return t('removeBadPhotos');
    return null;
  };

  /** Uploads the photos not yet uploaded, one after the other; a refused one keeps its reason. */
  const uploadAll = async (visit: Visit, list: PickedPhoto[]) => {
    const next = [...list];
    for (let i = 0; i < next.length; i += 1) {
      const photo = next[i];
      if (photo.error || photo.uploaded) continue;
      setStatus(fill(t('uploadingPhotos'), `${i + 1}/${next.length}`));
      try {
        next[i] = { ...photo, uploaded: await api.uploadPhoto(visit.id, photo.file) };
      } catch (failure) {
        next[i] = { ...photo, error: photoRefusal(failure, photo.file.name, t) };
      }
      setPhotos([...next]);
    }
    setStatus('');
    return next;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current) return;
    const invalid = validate();
    if (invalid) return setProblem(new Error(invalid));
    submitting.current = true;
    setBusy(true);
    setProblem(undefined);
    setSavedVisit(null);
    setStatus(t('savingVisit'));
    try {
      const verifies =
        chosen && result
          ? chosen.alert
            ? { alertId: chosen.alert.id, result }
            : { complaintId: chosen.complaintId!, result }
          : undefined;
      const visit = await api.recordVisit({
        projectCode: project,
        at: new Date(at).toISOString(),
        findings: findings.trim(),
        ...(verifies && { verifies }),
      });
      const uploaded = await uploadAll(
        visit,
        photos.filter((p) => !p.error),
      );
      setSavedVisit(visit);
      onSaved(visit, chosen?.key ?? null);
      // What was sent is done with; photos the server refused stay, with their reasons, to fix and send again.
      setPhotos(uploaded.filter((p) => p.error));
      setFindings('');
      setResult('');
      setAt(localNow());
    } catch (failure) {
      setProblem(failure);
    } finally {
      setStatus('');
      setBusy(false);
      submitting.current = false;
    }
  };

  const retry = async () => {
    if (!savedVisit || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    try {
      const again = await Promise.all(
        photos.map(async (p) => ({ ...p, error: undefined, ...(await checkPhoto(p.file, t)) })),
      );
      const uploaded = await uploadAll(savedVisit, again);
      setPhotos(uploaded.filter((p) => p.error));
    } finally {
      setBusy(false);
      submitting.current = false;
    }
  };

  const failedAfterSave = savedVisit ? photos.filter((p) => p.error) : [];

  return (
    <form ref={formRef} className="card visit-form" data-testid="visit-form" onSubmit={submit} noValidate>
      <h3>{t('recordVisit')}</h3>
      <label>
        {t('visitProject')}
        <select name="projectCode" value={project} onChange={(e) => setProject(e.target.value)}>
          <option value="">{t('chooseProject')}</option>
          {projects.map((p) => (
            <option key={p.projectCode} value={p.projectCode}>
              {p.projectName}（{p.projectCode}）
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('visitAt')}
        <input
          name="at"
          type="datetime-local"
          value={at}
          max={localNow()}
          onChange={(e) => setAt(e.target.value)}
        />
      </label>
      <label>
        {t('findings')}
        <textarea
          name="findings"
          value={findings}
          maxLength={MAX_FINDINGS}
          placeholder={t('findingsPlaceholder')}
          onChange={(e) => setFindings(e.target.value)}
        />
        <span className="muted small">
          {findings.trim().length}/{MAX_FINDINGS}
        </span>
      </label>
      <label>
        {t('photos')}
        <input
          ref={fileInput}
          name="photo"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          data-testid="photo-input"
          onChange={(e) => void pick(e.target.files)}
        />
        <span className="muted small">{t('photosHint')}</span>
      </label>
      {photos.length > 0 && (
        <ul className="photo-picks" data-testid="photo-picks">
          {photos.map((p) => (
            <li key={p.key} className={p.error ? 'bad' : ''}>
              <span className="name">{p.file.name}</span>{' '}
              <span className="muted">{(p.file.size / 1024).toFixed(0)} KB</span>
              {p.error && (
                <span className="photo-error" role="alert" data-testid="photo-error">
                  {p.error}
                </span>
              )}
              <button
                type="button"
                className="link"
                disabled={busy}
                onClick={() => setPhotos((list) => list.filter((x) => x.key !== p.key))}
              >
                {t('removePhoto')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {tooMany && (
        <p className="notice error" role="alert" data-testid="photo-error">
          {t('tooManyPhotos')}
        </p>
      )}
      <label>
        {t('verifyTarget')}
        <select name="verify" value={target} onChange={(e) => onTarget(e.target.value)}>
          <option value="">{t('verifyNone')}</option>
          {pending.map((item) => (
            <option key={item.key} value={item.key}>
              {item.alert
                ? `${label(t, 'severity', item.alert.severity)} ${label(t, 'code', item.alert.code)} · ${item.alert.projectCode}${item.alert.month ? ` ${item.alert.month}` : ''}`
                : `${t('complaint')} · ${item.projectCode ?? ''}`}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <fieldset className="results" data-testid="verify-result">
          <legend>{t('verifyResult')}</legend>
          {VERIFICATION_RESULTS.map((r) => (
            <label key={r} className="inline">
              <input
                type="radio"
                name="result"
                value={r}
                checked={result === r}
                onChange={() => setResult(r)}
              />
              {label(t, 'result', r)}
            </label>
          ))}
        </fieldset>
      )}
      {problem !== undefined && <ErrorNotice error={problem} />}
      {status && (
        <p className="notice muted" role="status">
          {status}
        </p>
      )}
      {savedVisit && failedAfterSave.length === 0 && (
        <p className="notice ok" role="status" data-testid="visit-saved">
          {t('visitSaved')}
        </p>
      )}
      {savedVisit && failedAfterSave.length > 0 && (
        <div className="notice error" role="alert" data-testid="visit-saved-photos-failed">
          <p>{t('visitSavedPhotosFailed')}</p>
          <button type="button" disabled={busy} onClick={() => void retry()}>
            {t('retryUpload')}
          </button>
        </div>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="save-visit">
        {busy ? t('savingVisit') : t('saveVisit')}
      </button>
    </form>
  );
}

/** A photo the API serves only with the bearer token: fetched as a blob and shown from an object URL. */
function Photo({ api, visitId, photo }: { api: Client; visitId: string; photo: VisitPhoto }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    let made: string | undefined;
    api.photo(visitId, photo.id).then(
      (data) => {
        made = URL.createObjectURL(data);
        if (current) setUrl(made);
        else URL.revokeObjectURL(made);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, visitId, photo.id]);
  if (failed)
    return (
      <span className="thumb failed" title={photo.name}>
        {t('photoLoadFailed')}
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="thumb"
        data-testid="visit-photo"
        aria-label={`${t('openPhoto')} ${photo.name}`}
        disabled={!url}
        onClick={() => setOpen(true)}
      >
        {url ? <img src={url} alt={photo.name} /> : <span className="muted">…</span>}
      </button>
      {open && url && (
        <div className="photo-view" role="dialog" aria-label={photo.name} data-testid="photo-view">
          <img src={url} alt={photo.name} />
          <p className="muted">{photo.name}</p>
          <button type="button" onClick={() => setOpen(false)}>
            {t('closePhoto')}
          </button>
        </div>
      )}
    </>
  );
}

export function VisitList({ api, visits }: { api: Client; visits: Visit[] }) {
  const { t } = useI18n();
  if (visits.length === 0) return <Empty>{t('noVisits')}</Empty>;
  return (
    <ul className="cards plain" data-testid="visits">
      {visits.map((visit) => (
        <li key={visit.id} className="visit" data-testid="visit" data-visit-id={visit.id}>
          <div className="row spread wrap">
            <strong>{visit.projectCode}</strong>
            <span className="muted">{when(visit.at)}</span>
          </div>
          <p className="findings">{visit.findings}</p>
          <dl className="facts small">
            <dt>{t('recordedBy')}</dt>
            <dd>{visit.recordedBy}</dd>
            {visit.verifies && (
              <>
                <dt>{t('verifyResult')}</dt>
                <dd data-testid="visit-verifies">
                  {label(t, 'result', visit.verifies.result)}
                  {visit.verifies.alertKey && (
                    <span className="muted">
                      {' '}
                      · {label(t, 'code', visit.verifies.alertKey.split(':')[0])}{' '}
                      {visit.verifies.alertKey.split(':')[2] ?? ''}
                    </span>
                  )}
                  {visit.verifies.complaintId && <span className="muted"> · {t('complaint')}</span>}
                </dd>
              </>
            )}
          </dl>
          {visit.photos.length > 0 && (
            <div className="thumbs">
              {visit.photos.map((photo) => (
                <Photo key={photo.id} api={api} visitId={visit.id} photo={photo} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The 网格 page of inspectors and leaders: a region's grids this month, or one grid's visits and verifications. */
export function GridsPage({ api, session, route }: { api: Client; session: Session; route: Route }) {
  const gridCode = route.parts[1];
  const month = route.params.get('month') ?? thisMonth();
  const regionCode = route.params.get('regionCode') ?? session.regionCode;
  return gridCode ? (
    <GridDetail
      api={api}
      gridCode={gridCode}
      gridName={route.params.get('name') ?? undefined}
      month={month}
      regionCode={regionCode}
    />
  ) : (
    <GridList api={api} regionCode={regionCode} month={month} />
  );
}

function GridList({ api, regionCode, month }: { api: Client; regionCode: string; month: string }) {
  const { t } = useI18n();
  const grids = useLoad(() => api.grids(regionCode, month), [api, regionCode, month]);
  return (
    <main className="grid-page" data-testid="grids">
      <div className="row spread wrap">
        <h2>
          {t('gridsTitle')} <span className="muted">{regionLabel(regionCode)}</span>
        </h2>
        <label className="inline">
          {t('month')}
          <input
            type="month"
            value={month}
            max={thisMonth()}
            onChange={(e) => e.target.value && navigate('grids', { regionCode, month: e.target.value })}
          />
        </label>
      </div>
      {regionCode.length > 6 && <p className="notice pending">{t('districtOrAbove')}</p>}
      {grids.error !== undefined && <ErrorNotice error={grids.error} onRetry={grids.reload} />}
      {!grids.data && grids.error === undefined && <Loading />}
      {grids.data && (
        <>
          <section className="card" data-testid="grid-coverage">
            <div className="muted">{t('gridCoverage')}</div>
            <strong className="tile-pct">
              {grids.data.coverage.pct === null ? '—' : `${grids.data.coverage.pct.toFixed(1)}%`}
            </strong>{' '}
            <span className="muted">
              {grids.data.coverage.count} / {grids.data.coverage.of}
            </span>
            <p className="muted small">{t('gridCoverageNote')}</p>
          </section>
          {grids.data.grids.length === 0 && <Empty>{t('noGrids')}</Empty>}
          <ul className="cards plain">
            {grids.data.grids.map((g) => (
              <li key={g.gridCode} className="card grid-card" data-testid="grid" data-grid-code={g.gridCode}>
                <a
                  href={`#/grids/${g.gridCode}?${new URLSearchParams({ month, regionCode, ...(g.gridName && { name: g.gridName }) })}`}
                >
                  <strong>{g.gridName ?? g.gridCode}</strong>
                </a>{' '}
                <span className="muted small">{g.gridCode}</span>
                <dl className="facts small">
                  <dt>{t('gridProjects')}</dt>
                  <dd>{g.projects}</dd>
                  <dt>{t('visitsThisMonth')}</dt>
                  <dd data-testid="grid-visits">{g.visitsThisMonth}</dd>
                  <dt>{t('assistantsVisiting')}</dt>
                  <dd>{g.assistantsVisiting}</dd>
                  <dt>{t('openVerifications')}</dt>
                  <dd data-testid="grid-open">{g.openVerifications}</dd>
                  <dt>{t('overdueVerifications')}</dt>
                  <dd className={g.overdueVerifications > 0 ? 'timing overdue' : ''}>
                    {g.overdueVerifications}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

function GridDetail(props: {
  api: Client;
  gridCode: string;
  gridName?: string;
  month: string;
  regionCode: string;
}) {
  const { t } = useI18n();
  const { api, gridCode, gridName, month, regionCode } = props;
  const visits = useLoad(() => api.visits({ gridCode, ...monthRange(month) }), [api, gridCode, month]);
  const verifications = useLoad(() => api.verifications({ gridCode }), [api, gridCode]);
  const today = shanghaiToday();
  return (
    <main className="grid-page" data-testid="grid-detail" data-grid-code={gridCode}>
      <a href={`#/grids?month=${month}&regionCode=${regionCode}`} className="back">
        ← {t('backToGrids')}
      </a>
      <h2>
        {gridName ?? regionLabel(gridCode)} <span className="muted">{month}</span>
      </h2>
      <section className="card">
        <h3>{t('gridVisits')}</h3>
        {visits.error !== undefined && <ErrorNotice error={visits.error} onRetry={visits.reload} />}
        {!visits.data && visits.error === undefined && <Loading />}
        {visits.data && <VisitList api={api} visits={visits.data.items} />}
      </section>
      <section className="card">
        <h3>{t('verificationsTitle')}</h3>
        {verifications.error !== undefined && (
          <ErrorNotice error={verifications.error} onRetry={verifications.reload} />
        )}
        {!verifications.data && verifications.error === undefined && <Loading />}
        {verifications.data?.items.length === 0 && <Empty>{t('noVerifications')}</Empty>}
        <ul className="cards plain" data-testid="verifications">
          {verifications.data?.items.map((v) => (
            <li key={v.id} data-testid="verification" data-status={v.status}>
              <div>
                <strong>{label(t, 'subject', v.subject)}</strong> {v.code && label(t, 'code', v.code)}{' '}
                <span className="muted">· {v.projectCode ?? '—'}</span>
              </div>
              <div className="small">
                <span className={`status vs-${v.status}`}>{label(t, 'verificationStatus', v.status)}</span>
                {v.result && ` · ${label(t, 'result', v.result)}`}
                <span className={PENDING.has(v.status) && isOverdue(v, today) ? ' timing overdue' : ' muted'}>
                  {' '}
                  · {t('verifyBy')} {v.dueBy}
                </span>
                <span className="muted">
                  {' '}
                  · {t('requestedAt')} {when(v.requestedAt)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
