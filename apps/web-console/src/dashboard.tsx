import { useMemo, useState } from 'react';
import {
  METRICS,
  formatFen,
  formatPct,
  type Arrears,
  type Client,
  type Coverage,
  type CoverageTrend,
  type Metric,
  type Session,
} from './api';
import { Chart, type ChartOption } from './chart';
import { Empty, ErrorNotice, ExportButton, Loading, navigate, useLoad, type Route } from './common';
import { exportCoverage } from './export';
import { label, useI18n } from './i18n';
import { regionLabel, regionName } from './regions';

/** How many leading digits a region code fixes: 350000 → 2 (a province), 350200 → 4, 350206 → 6. */
function prefixLength(code: string): number {
  if (code.endsWith('0000')) return 2;
  if (code.endsWith('00')) return 4;
  return 6;
}

/** The regions from the user's own down to `code`, for the breadcrumb back up a drill-down. */
function trail(userRegion: string, code: string): string[] {
  const levels = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  const start = prefixLength(userRegion);
  return [...new Set(levels)].filter(
    (r) => prefixLength(r) >= start && r.startsWith(userRegion.slice(0, start)),
  );
}

/** The month being worked in China now: the latest a leader may pick (a month not begun has no figures). */
function currentMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

export function Dashboard({ api, session, route }: { api: Client; session: Session; route: Route }) {
  const { t } = useI18n();
  const regionCode = route.parts[1] ?? session.regionCode;
  const month = route.params.get('month') ?? undefined;
  const [metric, setMetric] = useState<Metric>('allSystems');

  const coverage = useLoad(() => api.coverage(regionCode, month), [api, regionCode, month]);
  const trend = useLoad(() => api.trend(regionCode, month), [api, regionCode, month]);
  // Without a chosen month, arrears are every alert still open; with one, that month's.
  const arrears = useLoad(() => api.arrears(regionCode, month), [api, regionCode, month]);

  const drillTo = (code: string) => navigate(`dashboard/${code}`, { month });

  return (
    <main className="dashboard">
      <div className="row spread wrap">
        <nav className="crumbs" aria-label={t('region')}>
          {trail(session.regionCode, regionCode).map((code) => (
            <a
              key={code}
              href={`#/dashboard/${code}${month ? `?month=${month}` : ''}`}
              className={code === regionCode ? 'active' : ''}
            >
              {regionLabel(code)}
            </a>
          ))}
        </nav>
        <label className="inline">
          {t('month')}
          <input
            type="month"
            max={currentMonth()}
            value={month ?? coverage.data?.month ?? ''}
            onChange={(e) => navigate(`dashboard/${regionCode}`, { month: e.target.value || undefined })}
          />
        </label>
      </div>

      {coverage.error !== undefined && <ErrorNotice error={coverage.error} onRetry={coverage.reload} />}
      {coverage.loading && <Loading />}
      {coverage.data && !coverage.loading && (
        <CoverageView coverage={coverage.data} metric={metric} onMetric={setMetric} onDrill={drillTo} />
      )}

      <section className="card">
        <h2>{t('trend')}</h2>
        {trend.error !== undefined && <ErrorNotice error={trend.error} onRetry={trend.reload} />}
        {trend.loading && <Loading />}
        {trend.data && !trend.loading && <TrendChart trend={trend.data} />}
      </section>

      <section className="card">
        <h2>{t('arrears')}</h2>
        {arrears.error !== undefined && <ErrorNotice error={arrears.error} onRetry={arrears.reload} />}
        {arrears.loading && <Loading />}
        {arrears.data && !arrears.loading && <ArrearsView arrears={arrears.data} onDrill={drillTo} />}
      </section>
    </main>
  );
}

function CoverageView(props: {
  coverage: Coverage;
  metric: Metric;
  onMetric(metric: Metric): void;
  onDrill(code: string): void;
}) {
  const { coverage, metric, onMetric, onDrill } = props;
  const { t } = useI18n();
  const bars = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: {
        type: 'category',
        data: coverage.children.map((c) => c.regionCode),
        axisLabel: { formatter: (code: string) => regionName(code) ?? code },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: label(t, 'metric', metric),
          data: coverage.children.map((c) => c.metrics[metric].pct),
          itemStyle: { color: '#2f6fde' },
          barMaxWidth: 56,
          label: { show: true, position: 'top', formatter: '{c}%' },
        },
      ],
    }),
    [coverage, metric, t],
  );

  return (
    <>
      <section className="card">
        <h2>
          {t('coverage')} · {coverage.regionName ?? coverage.regionCode} · {coverage.month}
          <span className="muted">
            {' '}
            · {t('projectsInConstruction')} {coverage.projectsInConstruction}
          </span>
        </h2>
        {coverage.projectsInConstruction === 0 && <Empty>{t('noCoverage')}</Empty>}
        {coverage.metrics.allSystems.pendingUntil && (
          <p className="notice pending" data-testid="pending-note">
            {t('pendingNote')} {t('dueBy')} {coverage.metrics.allSystems.pendingUntil}
          </p>
        )}
        <div className="tiles">
          {METRICS.map((m) => (
            <button
              type="button"
              key={m}
              className={`tile ${m === metric ? 'selected' : ''}`}
              data-metric={m}
              onClick={() => onMetric(m)}
            >
              <span className="tile-label">{label(t, 'metric', m)}</span>
              <span className={`tile-pct ${coverage.metrics[m].pendingUntil ? 'pending' : ''}`}>
                {formatPct(coverage.metrics[m], t('pending'))}
              </span>
              {coverage.metrics[m].pendingUntil && (
                <span className="muted">
                  {t('dueBy')} {coverage.metrics[m].pendingUntil}
                </span>
              )}
              <span className="muted">
                {coverage.metrics[m].count} / {coverage.metrics[m].of} {t('ofProjects')}
              </span>
            </button>
          ))}
        </div>
      </section>

      <section className="card">
        <div className="row spread wrap">
          <h2>
            {t('byRegion')} · {label(t, 'metric', metric)}
          </h2>
          <ExportButton run={() => exportCoverage(coverage, t)} />
        </div>
        {coverage.children.length === 0 ? (
          <Empty>{t('noChildren')}</Empty>
        ) : (
          <>
            <Chart option={bars} label={`${t('byRegion')} ${label(t, 'metric', metric)}`} onClick={onDrill} />
            <div className="scroll">
              <table className="children">
                <thead>
                  <tr>
                    <th>{t('region')}</th>
                    <th className="num">{t('projectsInConstruction')}</th>
                    {METRICS.map((m) => (
                      <th key={m} className="num">
                        {label(t, 'metric', m)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {coverage.children.map((child) => (
                    <tr key={child.regionCode} data-region={child.regionCode}>
                      <td>
                        <a
                          href={`#/dashboard/${child.regionCode}`}
                          onClick={(e) => {
                            e.preventDefault();
                            onDrill(child.regionCode);
                          }}
                        >
                          {regionLabel(child.regionCode)} ›
                        </a>
                      </td>
                      <td className="num">{child.projectsInConstruction}</td>
                      {METRICS.map((m) => (
                        <td key={m} className="num">
                          {formatPct(child.metrics[m], t('pending'))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function TrendChart({ trend }: { trend: CoverageTrend }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: trend.series.map((s) => s.month) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: METRICS.map((m) => ({
        type: 'line',
        name: label(t, 'metric', m),
        data: trend.series.map((s) => s.metrics[m].pct),
        connectNulls: false,
        lineStyle: m === 'allSystems' ? { width: 3 } : undefined,
      })),
    }),
    [trend, t],
  );
  return <Chart option={option} label={t('trend')} />;
}

function ArrearsView({ arrears, onDrill }: { arrears: Arrears; onDrill(code: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <div className="figures">
        <div data-figure="unpaidWorkers">
          <span className="muted">{t('unpaidWorkers')}</span>
          <strong>{arrears.unpaidWages.workersAffected}</strong>
        </div>
        <div data-figure="amountOutstanding">
          <span className="muted">{t('amountOutstanding')}</span>
          <strong>{formatFen(arrears.unpaidWages.amountOutstandingFen)}</strong>
        </div>
        <div data-figure="unpaidAlerts">
          <span className="muted">
            {t('unpaidWages')} · {t('openAlerts')}
          </span>
          <strong>{arrears.unpaidWages.openAlerts}</strong>
        </div>
        <div data-figure="otherAlerts">
          <span className="muted">{t('otherAlerts')}</span>
          <strong>{arrears.otherAlerts}</strong>
        </div>
      </div>
      {arrears.byCodeAndSeverity.length === 0 ? (
        <Empty>{t('noArrears')}</Empty>
      ) : (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>{t('code')}</th>
                <th>{t('severity')}</th>
                <th className="num">{t('openAlerts')}</th>
                <th className="num">{t('workersAffected')}</th>
                <th className="num">{t('amountOutstanding')}</th>
              </tr>
            </thead>
            <tbody>
              {arrears.byCodeAndSeverity.map((row) => (
                <tr key={`${row.code}-${row.severity}`}>
                  <td>{label(t, 'code', row.code)}</td>
                  <td>
                    <span className={`badge sev-${row.severity}`}>{label(t, 'severity', row.severity)}</span>
                  </td>
                  <td className="num">{row.openAlerts}</td>
                  <td className="num">{row.workersAffected}</td>
                  <td className="num">{formatFen(row.amountOutstandingFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {arrears.children.length > 0 && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>{t('region')}</th>
                <th className="num">{t('unpaidWorkers')}</th>
                <th className="num">{t('amountOutstanding')}</th>
                <th className="num">{t('otherAlerts')}</th>
              </tr>
            </thead>
            <tbody>
              {arrears.children.map((row) => (
                <tr key={row.regionCode}>
                  <td>
                    <a
                      href={`#/dashboard/${row.regionCode}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onDrill(row.regionCode);
                      }}
                    >
                      {regionLabel(row.regionCode)} ›
                    </a>
                  </td>
                  <td className="num">{row.unpaidWages.workersAffected}</td>
                  <td className="num">{formatFen(row.unpaidWages.amountOutstandingFen)}</td>
                  <td className="num">{row.otherAlerts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
