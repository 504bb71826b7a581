import type { Workbook, Worksheet } from 'exceljs';
import {
  METRICS,
  type Alert,
  type AlertFilters,
  type Client,
  type Coverage,
  type CoverageFigures,
} from './api';
import { alertTitle } from './evidence';
import { label, type Lang, type MessageKey } from './i18n';
import { regionName } from './regions';
// The platform's one cell writer: text that could start a formula is neutralised (docs/api.md, exports).
import { exportCell, type CellValue } from '../../../libs/domain/src/spreadsheet-cells';

/**
 * Exports built in the browser from what the user may already see through the API (their region's alerts, their
 * region's coverage), so no export endpoint widens anyone's access. exceljs is loaded only when someone exports.
 */

type T = (key: MessageKey) => string;

async function newWorkbook(): Promise<Workbook> {
  const module = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') };
  const ExcelJS = module.default ?? (module as unknown as typeof import('exceljs'));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wage-guard console';
  workbook.created = new Date();
  return workbook;
}

function addRows(sheet: Worksheet, header: string[], rows: unknown[][], widths: number[]): void {
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => exportCell((cell ?? '') as CellValue)));
  sheet.columns.forEach((column, index) => (column.width = widths[index] ?? 14));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

async function download(workbook: Workbook, filename: string): Promise<void> {
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const beijing = (instant: string | null | undefined) =>
  instant
    ? new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(instant))
    : '';

const yuan = (fen: number | undefined) => (fen === undefined ? '' : fen / 100);

/** The largest number of alerts one export holds (the API's pages of 200, fetched in turn). */
export const EXPORT_MAX_ALERTS = 10_000;

/** Every alert matching the filters (not only the page on screen), most severe first, as an XLSX file. */
export async function exportAlerts(
  api: Client,
  filters: AlertFilters,
  t: T,
  lang: Lang,
): Promise<{ rows: number; total: number }> {
  const alerts: Alert[] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    const answer = await api.alerts(filters, page, 200);
    total = answer.total;
    alerts.push(...answer.items);
    if (answer.items.length === 0 || alerts.length >= Math.min(total, EXPORT_MAX_ALERTS)) break;
  }
  const rows = alerts.slice(0, EXPORT_MAX_ALERTS);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(t('workbench'));
  addRows(
    sheet,
    [
      t('severity'),
      t('status'),
      t('code'),
      t('title'),
      t('project'),
      t('regionCode'),
      t('region'),
      t('month'),
      t('raisedAt'),
      t('escalatesAt'),
      t('clearedAt'),
      t('assignee'),
      t('workersAffected'),
      `${t('amountOwed')} (${t('yuan')})`,
    ],
    rows.map((a) => [
      label(t, 'severity', a.severity),
      label(t, 'status', a.status),
      label(t, 'code', a.code),
      alertTitle(a, lang),
      a.projectCode,
      a.regionCode,
      regionName(a.regionCode) ?? '',
      a.month ?? '',
      beijing(a.raisedAt),
      beijing(a.escalation?.dueAt),
      beijing(a.clearedAt),
      a.assignee ?? '',
      a.evidence.workersAffected,
      yuan(
        a.evidence.amounts.shortfallFen ?? a.evidence.amounts.netPayDueFen ?? a.evidence.amounts.divertedFen,
      ),
    ]),
    [8, 10, 18, 48, 16, 10, 12, 9, 17, 17, 17, 14, 10, 14],
  );
  sheet.getColumn(14).numFmt = '#,##0.00';
  await download(workbook, `${t('workbench')}-${beijing(new Date().toISOString()).slice(0, 10)}.xlsx`);
  return { rows: rows.length, total };
}

/** The coverage table on screen: the region and each child region, every metric as count, of and percentage. */
export async function exportCoverage(coverage: Coverage, t: T): Promise<void> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(t('coverage'));
  const figures = (f: CoverageFigures) =>
    METRICS.flatMap((m) => {
      const share = f.metrics[m];
      const pct = share.pendingUntil
        ? `${t('pending')} (${t('dueBy')} ${share.pendingUntil})`
        : (share.pct ?? '—');
      return [share.count, share.of, pct];
    });
  addRows(
    sheet,
    [
      t('regionCode'),
      t('region'),
      t('month'),
      t('projectsInConstruction'),
      ...METRICS.flatMap((m) => {
        const name = label(t, 'metric', m);
        return [`${name} ${t('compliant')}`, `${name} ${t('applicable')}`, `${name} %`];
      }),
    ],
    [coverage, ...coverage.children].map((row) => [
      row.regionCode,
      regionName(row.regionCode) ?? '',
      coverage.month,
      row.projectsInConstruction,
      ...figures(row),
    ]),
    [10, 14, 9, 10, ...METRICS.flatMap(() => [10, 10, 12])],
  );
  await download(workbook, `${t('coverage')}-${coverage.regionCode}-${coverage.month}.xlsx`);
}
