import { exportCell, type CellValue } from '@wage/domain';

/** One sheet of an export: a header row and the rows under it. */
export interface ExportSheet {
  /** The tab's name (at most 31 characters; characters a sheet name may not hold are replaced). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An XLSX workbook of the sheets, every cell written through `exportCell`: text that could start a formula is
 * neutralised, and no cell is ever written as a formula, so a name or memo sent by a project or bank never runs
 * or links when an inspector opens the file.
 */
export async function writeXlsx(sheets: readonly ExportSheet[]): Promise<Buffer> {
  // Loaded on the first export only: every service imports libs/platform, few export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name));
    worksheet.addRow(sheet.header.map((title) => exportCell(title)));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map((value) => exportCell(value)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet1';
}
