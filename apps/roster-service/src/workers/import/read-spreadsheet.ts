import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { UseCaseError } from '@wage/platform';
import { ZipRefusal, storedZip, unpackEntry, zipEntries, type ZipEntry } from './zip-entries';

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

export interface ReadLimits {
  /** Non-blank rows below the header; reading stops with 413 as soon as one more is found. */
  maxRows: number;
  /** What an XLSX may unpack to, all its entries together (declared and actual); 413 past it. */
  maxUnpackedBytes: number;
}

/** 10,000 rows of a clerk's roll unpack to 2–5 MB of sheet XML; 50 MB leaves room for heavy formatting. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** Rows handled between two turns of the event loop, so a large file never keeps `/health` waiting. */
const ROWS_PER_TURN = 500;
/** Bytes (XLSX) or characters (CSV) handed to the parser at a time, with a turn of the event loop between. */
const CHUNK = 64 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads an uploaded CSV (UTF-8 or GBK) or XLSX file, told apart by content rather than by name. Both are read as
 * a stream of rows in time linear in the file, with the event loop free between chunks; reading stops as soon as
 * the row cap is crossed, and an XLSX is refused before parsing when it unpacks past `maxUnpackedBytes`.
 */
export async function readSpreadsheet(
  file: UploadedFile,
  limits: ReadLimits = { maxRows: 10_000, maxUnpackedBytes: MAX_UNPACKED_BYTES },
): Promise<Spreadsheet> {
  const bytes = file.buffer;
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw UseCaseError.invalid(
      `"${file.originalname}" is an old Excel (.xls) file; save it as .xlsx or as CSV and upload it again`,
    );
  }
  const table = new TableCollector(limits.maxRows);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) await readXlsx(file, limits.maxUnpackedBytes, table);
  else await readCsv(bytes, table);
  if (!table.headers || table.headers.every(isBlank)) {
    throw UseCaseError.invalid(
      `"${file.originalname}" has no header row; the first row must name the columns`,
    );
  }
  return {
    headers: table.headers.map((cell) => (cell === undefined ? '' : String(cell).trim())),
    rows: table.rows,
  };
}

function isBlank(cell: Cell): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Keeps row 1 as the header and the non-blank rows after it, and refuses the file once there are too many. */
class TableCollector {
  headers?: Cell[];
  readonly rows: Spreadsheet['rows'] = [];
  private seen = 0;

  constructor(private readonly maxRows: number) {}

  /** Adds one row; resolves after a turn of the event loop every few hundred rows. */
  async add(rowNumber: number, cells: Cell[]): Promise<void> {
    if (rowNumber === 1) this.headers = cells;
    else if (!cells.every(isBlank)) {
      if (this.rows.length >= this.maxRows) throw tooManyRows(this.maxRows, rowNumber);
      this.rows.push({ rowNumber, cells });
    }
    this.seen += 1;
    if (this.seen % ROWS_PER_TURN === 0) await nextTurn();
  }
}

function tooManyRows(cap: number, rowNumber: number): UseCaseError {
  return new UseCaseError(
    'TOO_LARGE',
    'BATCH_TOO_LARGE',
    `a file may hold at most ${cap} rows of workers; this one has more (reading stopped at row ${rowNumber}). ` +
      `Split it into files of ${cap} rows or fewer.`,
  );
}

/** Yields `text` in pieces, with a turn of the event loop before each. */
async function* inTurns<T extends string | Buffer>(pieces: Iterable<T>): AsyncGenerator<T> {
  for (const piece of pieces) {
    await nextTurn();
    yield piece;
  }
}

function* slices(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/**
 * Spreadsheet programs on Chinese Windows save CSV in GBK; anything that is not valid UTF-8 is read as GB18030,
 * the superset of GBK. Every record keeps its place, blank lines included, so row numbers match the file.
 */
async function readCsv(bytes: Buffer, table: TableCollector): Promise<void> {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = iconv.decode(body, 'gb18030');
  }
  const parser = parse({ relax_column_count: true, skip_empty_lines: false });
  const source = Readable.from(inTurns(slices(text, CHUNK)));
  source.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      await table.add(rowNumber, record);
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvError(error, table.headers ?? firstRecord(text));
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** The header record alone, to name a column in an error the parser raised before the header was handed on. */
function firstRecord(text: string): Cell[] | undefined {
  try {
    return (parseSync(text, { relax_column_count: true, to: 1 }) as string[][])[0];
  } catch {
    return undefined;
  }
}

/** What went wrong and where (row and column), never the field's text: it may be an identity or card number. */
const CSV_PROBLEMS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a quote (") inside a field that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a quoted field',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field that is never closed',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a quoted field',
};

function csvError(error: CsvError, headers: Cell[] | undefined): UseCaseError {
  const context = error as CsvError & { records?: number; index?: number };
  const row = (context.records ?? 0) + 1;
  const index = context.index ?? 0;
  const header = row > 1 && headers?.[index] !== undefined ? String(headers[index]).trim() : '';
  const column = header ? `${index + 1} (${header})` : `${index + 1}`;
  const problem = CSV_PROBLEMS[error.code] ?? 'text that is not valid CSV';
  return UseCaseError.invalid(
    `the CSV file cannot be read: row ${row}, column ${column} has ${problem}. ` +
      'Put a field that contains quotes or commas in double quotes, with each quote inside it doubled',
    [{ row, column: header || String(index + 1), code: error.code }],
  );
}

const XLSX_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * Checks the archive's declared sizes, unpacks (bounded by the cap whatever the headers say) only the parts the
 * first worksheet needs, and streams them in the order ExcelJS's WorkbookReader reads without temporary files.
 */
async function readXlsx(file: UploadedFile, maxUnpackedBytes: number, table: TableCollector): Promise<void> {
  const cannotOpen = () =>
    UseCaseError.invalid(
      'the file looks like an XLSX workbook but cannot be opened; save it again and retry',
    );
  const tooLarge = (size?: number) =>
    new UseCaseError(
      'TOO_LARGE',
      'PAYLOAD_TOO_LARGE',
      `an XLSX file may unpack to at most ${megabytes(maxUnpackedBytes)} MB; "${file.originalname}" unpacks to ` +
        `${size === undefined ? 'more' : `${megabytes(size)} MB`}. Delete unused sheets, pictures and formatting, ` +
        'or save the roll as CSV, and upload it again',
    );
  let parts: { name: string; data: Buffer }[];
  try {
    const entries = zipEntries(file.buffer);
    const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
    if (declared > maxUnpackedBytes) throw tooLarge(declared);
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    parts = [];
    let budget = maxUnpackedBytes;
    const unpack = async (entry: ZipEntry) => {
      const data = await unpackEntry(file.buffer, entry, budget);
      budget -= data.length;
      return data;
    };
    for (const name of XLSX_PARTS) {
      const entry = byName.get(name);
      // ExcelJS's reader spools a worksheet to a temporary file until it has seen the shared strings; some
      // writers (inline strings only) leave them out, so an empty table stands in.
      if (entry) parts.push({ name, data: await unpack(entry) });
      else if (name === 'xl/sharedStrings.xml') parts.push({ name, data: Buffer.from('<sst/>') });
    }
    const sheet = firstSheet(entries, byName, parts);
    if (!sheet) throw UseCaseError.invalid('the workbook has no worksheet');
    // Only the first sheet goes to the reader, under a name it recognises as a worksheet.
    const name = SHEET_NAME.test(sheet.name) ? sheet.name : 'xl/worksheets/sheet1.xml';
    parts.push({ name, data: await unpack(sheet) });
  } catch (error) {
    if (error instanceof ZipRefusal) throw error.reason === 'too-large' ? tooLarge() : cannotOpen();
    throw error;
  }
  const source = Readable.from(inTurns(storedZip(parts, CHUNK)));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // for the number formats that make a number cell a date
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let width = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (row.number === 1) width = row.cellCount; // the header's width, read once
        const cells: Cell[] = [];
        for (let column = 1; column <= width; column += 1) cells.push(cellValue(row.getCell(column).value));
        await table.add(row.number, cells);
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof UseCaseError) throw error;
    throw cannotOpen();
  } finally {
    source.destroy();
  }
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

const SHEET_NAME = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The workbook's first sheet: the target of the first `<sheet>` of workbook.xml through its relationships; failing
 * that, the lowest-numbered `xl/worksheets/sheetN.xml`.
 */
function firstSheet(
  entries: ZipEntry[],
  byName: Map<string, ZipEntry>,
  parts: { name: string; data: Buffer }[],
): ZipEntry | undefined {
  const text = (name: string) => parts.find((part) => part.name === name)?.data.toString('utf8') ?? '';
  const relId = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(text('xl/workbook.xml'))?.[1];
  if (relId) {
    for (const [relationship] of text('xl/_rels/workbook.xml.rels').matchAll(
      /<(?:\w+:)?Relationship\b[^>]*>/g,
    )) {
      if (/\bId="([^"]+)"/.exec(relationship)?.[1] !== relId) continue;
      const target = /\bTarget="([^"]+)"/.exec(relationship)?.[1];
      const entry = target && byName.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      if (entry) return entry;
    }
  }
  const sheetNumber = (name: string) => Number(SHEET_NAME.exec(name)?.[1] ?? NaN);
  return entries
    .filter((entry) => Number.isFinite(sheetNumber(entry.name)))
    .sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name))[0];
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
