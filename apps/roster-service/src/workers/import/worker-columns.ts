import { UseCaseError, type RowError } from '@wage/platform';
import type { Cell, Spreadsheet } from './read-spreadsheet';

/** The columns a clerk's file may have, by the Chinese or English header. */
const COLUMNS = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', 'idNumber'],
  phone: ['手机号', '手机号码', 'phone'],
  cardNumber: ['银行卡号', 'cardNumber'],
  bankCode: ['开户银行', '开户行', 'bankCode'],
  team: ['班组', 'team'],
  trade: ['工种', 'trade'],
  entryDate: ['进场日期', 'entryDate'],
  exitDate: ['退场日期', 'exitDate'],
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['name', 'idNumber', 'entryDate'];
const DATE_COLUMNS = new Set<Column>(['entryDate', 'exitDate']);
/** Long digit strings that Excel rounds when they are stored as numbers. */
const DIGIT_COLUMNS = new Set<Column>(['idNumber', 'cardNumber', 'phone']);

const normalizeHeader = (header: string) => header.replace(/\s+/g, '').toLowerCase();
const COLUMN_BY_HEADER = new Map<string, Column>(
  Object.entries(COLUMNS).flatMap(([column, headers]) =>
    headers.map((header) => [normalizeHeader(header), column as Column] as const),
  ),
);

/** A file's rows in the shape of `PUT …/workers`, and how to point a row error back into the file. */
export interface WorkerFile {
  rows: Record<string, unknown>[];
  cellErrors: RowError[];
  locate(errors: RowError[]): RowError[];
}

/** Maps the file's columns onto worker fields; columns it does not know (序号, 备注) are ignored. */
export function workerFile(sheet: Spreadsheet): WorkerFile {
  const position = new Map<Column, number>();
  sheet.headers.forEach((header, i) => {
    const column = COLUMN_BY_HEADER.get(normalizeHeader(header));
    if (column && !position.has(column)) position.set(column, i);
  });
  const missing = REQUIRED.filter((column) => !position.has(column));
  if (missing.length > 0) {
    throw UseCaseError.invalid(
      `the file has no ${missing.map((c) => `"${COLUMNS[c][0]}" (${c})`).join(', ')} column; ` +
        'the first row must name the columns, in Chinese or English',
      missing.map((c) => ({
        field: c,
        code: 'MISSING_COLUMN',
        message: `add a column headed ${COLUMNS[c].join(' or ')}`,
      })),
    );
  }
  const cellErrors: RowError[] = [];
  const rows = sheet.rows.map(({ cells }, index) => {
    const value = (column: Column): string | undefined => {
      const at = position.get(column);
      if (at === undefined) return undefined;
      const read = cellText(column, cells[at]);
      if (read.error)
        cellErrors.push({ index, field: fieldOf(column), code: 'NUMBER_ROUNDED', message: read.error });
      return read.text;
    };
    const [cardNumber, bankCode] = [value('cardNumber'), value('bankCode')];
    return dropUndefined({
      name: value('name'),
      idNumber: value('idNumber'),
      phone: value('phone'),
      bankCard:
        cardNumber === undefined && bankCode === undefined
          ? undefined
          : dropUndefined({ bankCode, cardNumber }),
      team: value('team'),
      trade: value('trade'),
      entryDate: value('entryDate'),
      exitDate: value('exitDate'),
    });
  });
  const columnOf = (field: string): string => {
    const column = (Object.keys(COLUMNS) as Column[]).find((c) => fieldOf(c) === field || c === field);
    const at =
      column === undefined
        ? field === 'bankCard'
          ? position.get('cardNumber')
          : undefined
        : position.get(column);
    return at === undefined ? field : sheet.headers[at];
  };
  return {
    rows,
    cellErrors,
    // A clerk fixes the file, so errors name its row number (the header is row 1) and the column's own header.
    locate: (errors) =>
      errors.map((error) => {
        const row = sheet.rows[error.index]?.rowNumber;
        const column = columnOf(error.field);
        return { ...error, row, column, message: `row ${row}, column ${column}: ${error.message}` };
      }),
  };
}

function fieldOf(column: Column): string {
  return column === 'cardNumber' || column === 'bankCode' ? `bankCard.${column}` : column;
}

function cellText(column: Column, cell: Cell): { text?: string; error?: string } {
  if (cell === undefined) return {};
  if (cell instanceof Date) {
    // Excel keeps a date cell as midnight UTC of that date.
    return { text: DATE_COLUMNS.has(column) ? cell.toISOString().slice(0, 10) : cell.toISOString() };
  }
  if (typeof cell === 'number') {
    if (DIGIT_COLUMNS.has(column) && !Number.isSafeInteger(cell)) {
      return {
        error:
          'the spreadsheet stored this number as a number and rounded it; format the column as text and enter it again',
      };
    }
    return { text: String(cell) };
  }
  const text = cell.trim();
  if (text === '') return {};
  return { text: DATE_COLUMNS.has(column) ? isoDateFromClerk(text) : text };
}

/** '2026/9/1', '2026-9-1', '2026.9.1' and '2026年9月1日' become '2026-09-01'; anything else is left to be refused. */
export function isoDateFromClerk(text: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
