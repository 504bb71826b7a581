import type { z } from 'zod';
import { UseCaseError, type RowError } from '@wage/platform';

/** Refuses a batch above the cap before any of it is read further. */
export function checkBatchSize(rows: number, cap: number): void {
  if (rows > cap) throw UseCaseError.batchTooLarge(rows, cap);
}

/** A row's shape problems as row errors; `REQUIRED` when the field is simply missing. */
export function shapeErrors(index: number, row: unknown, error: z.ZodError): RowError[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.');
    const missing = issue.code === 'invalid_type' && valueAt(row, issue.path) === undefined;
    return missing
      ? { index, field, code: 'REQUIRED', message: `${field} is required` }
      : {
          index,
          field: field || '(row)',
          code: 'INVALID_FIELD',
          message: `${field || 'the row'}: ${issue.message}`,
        };
  });
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object'
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    value,
  );
}

/**
 * Finds the rows that repeat an earlier row's key (an identity number's blind index): each worker may appear
 * once per batch, since two rows for one worker would leave it unclear which one counts.
 */
export class DuplicateFinder {
  private readonly firstIndex = new Map<string, number>();

  check(index: number, key: string, field: string): RowError | undefined {
    const first = this.firstIndex.get(key);
    if (first === undefined) {
      this.firstIndex.set(key, index);
      return undefined;
    }
    return {
      index,
      field,
      code: 'DUPLICATE_ID_NUMBER',
      message: `the same identity number as row index ${first}; each worker may appear once in a batch`,
    };
  }
}

/** Splits rows into event-sized parts (`MAX_ROWS_PER_EVENT`). */
export function inParts<T>(rows: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < rows.length; start += size) parts.push(rows.slice(start, start + size));
  return parts;
}
