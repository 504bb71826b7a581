/**
 * Text written into a CSV or XLSX export, made safe to open in a spreadsheet (CSV injection, OWASP). Project names,
 * memos, counterparty names and notes come from outside the platform; a cell that starts like a formula
 * (`=CMD|' /C calc'!A0`, `=HYPERLINK("http://…","点击")`, `+`, `-`, `@`, a leading tab or carriage return) would run
 * or link when an inspector opens the file. Every export writes its cells through these functions.
 */

/** A value of an exported cell. Numbers stay numbers; null and undefined are empty cells. */
export type CellValue = string | number | boolean | Date | null | undefined;

// A formula starts with = + - @ (or their full-width forms, which some spreadsheets accept in a Chinese locale),
// possibly after spaces; a tab or carriage return in front hides the formula from a quick look and some
// spreadsheets strip them.
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
// A plain signed number ("-500.00", "+3") is read as a number, never as a formula: left as it is.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * The text as a spreadsheet shows it and never evaluates: prefixed with an apostrophe (the spreadsheet's own sign
 * for "this is text") when it could start a formula. Plain signed numbers are left alone.
 */
export function neutraliseFormula(text: string): string {
  if (PLAIN_NUMBER.test(text) || !FORMULA_START.test(text)) return text;
  return `'${text}`;
}

/** A cell's value as an export writes it: text neutralised, numbers and booleans as they are, instants in ISO form. */
export function exportCell(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return neutraliseFormula(value);
  return value;
}

/**
 * Rows as CSV (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes doubled), every cell through
 * `exportCell`. With a UTF-8 byte-order mark by default, so that Excel reads Chinese text right.
 */
export function toCsv(rows: readonly (readonly CellValue[])[], { bom = true } = {}): string {
  const field = (value: CellValue): string => {
    const cell = exportCell(value);
    const text = cell === null ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (bom ? '\ufeff' : '') + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
