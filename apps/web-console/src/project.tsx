import { useState } from 'react';
import { ApiFailure, formatFen, type Client } from './api';
import { ErrorNotice, Loading, useLoad } from './common';
import { label, useI18n } from './i18n';
import { regionLabel } from './regions';

/** A yuan string of the API ("10000000.00") as integer fen, without floating point; null if it is none. */
export function yuanToFen(yuan: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** The link to a project's page, wherever a project code is shown. */
export function ProjectLink({ code }: { code: string }) {
  return (
    <a href={`#/projects/${encodeURIComponent(code)}`} className="project-link" data-testid="project-link">
      {code}
    </a>
  );
}

/**
 * A project (`#/projects/<code>`): what roster-service registered, its contractor with the employer's grade and
 * supervision mark linking to the employer's record, its alerts in the workbench, and the printable
 * rights-information board (维权信息告示牌) to download.
 */
export function ProjectPage({ api, code }: { api: Client; code: string }) {
  const { t } = useI18n();
  const project = useLoad(() => api.project(code), [api, code]);
  const p = project.data;
  const creditCode = p?.contractor.creditCode;
  // The grade is a second look-up: the page shows the project even when the employer's record cannot be read.
  const employer = useLoad(
    () => (creditCode ? api.employer(creditCode) : Promise.resolve(null)),
    [api, creditCode],
  );
  const [board, setBoard] = useState<{ busy?: boolean; error?: unknown }>({});

  const download = async (size: 'A4' | 'A3') => {
    setBoard({ busy: true });
    try {
      const url = URL.createObjectURL(await api.rightsBoard(code, size));
      const link = document.createElement('a');
      link.href = url;
      link.download = `维权信息告示牌-${code}-${size}.pdf`;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setBoard({});
    } catch (error) {
      setBoard({ error });
    }
  };

  const grade = employer.data?.grade;
  const amountFen = p ? yuanToFen(p.contractAmount) : null;
  return (
    <main className="project-page" data-testid="project-page" data-project-code={code}>
      <a href="#/alerts" className="back">
        ← {t('back')}
      </a>
      <h2>{t('projectTitle')}</h2>
      {project.error !== undefined && <ErrorNotice error={project.error} onRetry={project.reload} />}
      {project.loading && !p && <Loading />}
      {p && (
        <>
          <h3>
            {p.name} <span className="muted">{p.code}</span>
          </h3>
          <dl className="facts">
            <dt>{t('region')}</dt>
            <dd>
              {regionLabel(p.regionCode)}
              {p.gridCode && <span className="muted"> · {fill(t('projectGrid'), p.gridCode)}</span>}
            </dd>
            <dt>{t('status')}</dt>
            <dd data-testid="project-status">
              {label(t, 'projectStatus', p.status)}
              {p.scheduledStatus && (
                <span className="muted">
                  {' '}
                  · {label(t, 'projectStatus', p.scheduledStatus.status)} {p.scheduledStatus.effectiveDate}
                </span>
              )}
            </dd>
            <dt>{t('contractorName')}</dt>
            <dd data-testid="project-contractor">
              <a
                href={`#/employers/${encodeURIComponent(p.contractor.creditCode)}`}
                className="employer-link"
                data-testid="employer-link"
              >
                {p.contractor.name}
              </a>{' '}
              <span className="muted">{p.contractor.creditCode}</span>
              <div data-testid="contractor-grade">
                {employer.loading ? (
                  <span className="muted">{t('loading')}</span>
                ) : grade ? (
                  <>
                    <span className={`tag grade-${grade.grade}`}>
                      {fill(t('gradeOfYear'), String(grade.year)).replace('{grade}', grade.grade)}
                    </span>
                    {grade.supervision !== 'ROUTINE' && (
                      <span className="tag" data-testid="supervision">
                        {label(t, 'supervision', grade.supervision)}
                      </span>
                    )}
                  </>
                ) : employer.data ||
                  (employer.error instanceof ApiFailure && employer.error.status === 404) ? (
                  // An employer enforcement-service has no record of is not graded yet.
                  <span className="muted">{t('ungraded')}</span>
                ) : (
                  <span className="muted">{t('gradeUnavailable')}</span>
                )}
                {employer.data?.blacklist.listed && (
                  <span className="tag overdue" data-testid="blacklisted">
                    {t('blacklisted')}
                  </span>
                )}
              </div>
            </dd>
            <dt>{t('ownerName')}</dt>
            <dd>
              {p.owner.name} {p.owner.creditCode && <span className="muted">{p.owner.creditCode}</span>}
            </dd>
            <dt>{t('contractSum')}</dt>
            <dd data-testid="contract-amount">
              {amountFen === null ? p.contractAmount : formatFen(amountFen)}
            </dd>
            <dt>{t('startDate')}</dt>
            <dd>{p.startDate}</dd>
            <dt>{t('plannedEndDate')}</dt>
            <dd>{p.plannedEndDate ?? '—'}</dd>
            <dt>{t('payday')}</dt>
            <dd>{fill(t('paydayOfMonth'), String(p.payday))}</dd>
          </dl>
          <p className="row wrap">
            <a
              className="button"
              href={`#/alerts?projectCode=${encodeURIComponent(p.code)}`}
              data-testid="project-alerts"
            >
              {t('projectAlerts')} ›
            </a>
            <button
              type="button"
              disabled={board.busy}
              onClick={() => download('A4')}
              data-testid="rights-board"
            >
              {board.busy ? t('downloading') : t('rightsBoard')}
            </button>
            <button type="button" className="link" disabled={board.busy} onClick={() => download('A3')}>
              A3
            </button>
          </p>
          {board.error !== undefined && <ErrorNotice error={board.error} />}
        </>
      )}
    </main>
  );
}

const fill = (message: string, value: string) => message.replace('{}', value);
