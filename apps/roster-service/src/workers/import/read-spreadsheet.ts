import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ApiError } from '@wage/platform';

/** A cell as read: text from a CSV; text, a number or a date from an XLSX; undefined when blank. */
export type Cell = string | number | Date | undefined;

/** A spreadsheet's first row as headers, then its non-blank rows with their row numbers (the header is row 1). */
export interface Spreadsheet {
  headers: string[];
  rows: { rowNumber: number; cells: Cell[] }[];
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Reads an uploaded CSV (UTF-8 or GBK) or XLSX file, told apart by content rather than by name. */
export async function readSpreadsheet(file: UploadedFile): Promise<Spreadsheet> {
  const bytes = file.buffer;
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw ApiError.badRequest(
      `"${file.originalname}" is an old Excel (.xls) file; save it as .xlsx or as CSV and upload it again`,
    );
  }
  const table = bytes.subarray(0, 4).equals(ZIP_MAGIC) ? await readXlsx(bytes) : readCsv(bytes);
  const [headerRow, ...rows] = table;
  if (!headerRow || headerRow.every(isBlank)) {
    throw ApiError.badRequest(
      `"${file.originalname}" has no header row; the first row must name the columns`,
    );
  }
  return {
    headers: headerRow.map((cell) => (cell === undefined ? '' : String(cell).trim())),
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })).filter((row) => !row.cells.every(isBlank)),
  };
}

function isBlank(cell: Cell): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Spreadsheet programs on Chinese Windows save CSV in GBK; anything that is not valid UTF-8 is read as GB18030,
 * the superset of GBK. Every record keeps its place, blank lines included, so row numbers match the file.
 */
function readCsv(bytes: Buffer): Cell[][] {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = iconv.decode(body, 'gb18030');
  }
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw ApiError.badRequest(`the CSV file cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw ApiError.badRequest(
      'the file looks like an XLSX workbook but cannot be opened; save it again and retry',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw ApiError.badRequest('the workbook has no worksheet');
  const table: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1)
      cells.push(cellValue(row.getCell(column).value));
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (cells) => cells ?? []);
}

/** Formulas give their result, rich text and hyperlinks their text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  return undefined;
}
