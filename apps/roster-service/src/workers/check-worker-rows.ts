import {
  addCalendarDays,
  ageOn,
  isIsoDate,
  isCardNumber,
  validateIdentityNumber,
  type IsoDate,
} from '@wage/domain';
import type { RowError } from '@wage/platform';
import { DuplicateFinder, shapeErrors } from '../common/row-errors';
import { workerRow, type WorkerRow } from './dto/worker-row.dto';

/** 劳动法 Art. 15: no one under 16 may be employed. */
export const MINIMUM_WORKING_AGE = 16;
/** A worker is enrolled before entering the site, but not months before: an entry date in 2099 is a typing error. */
export const MAX_ENTRY_DAYS_AHEAD = 30;

/** A row that passed every check; the identity number is in its normalised form (upper-case X). */
export interface CheckedWorker extends WorkerRow {
  idNumber: string;
  bankCard?: { bankCode: string; cardNumber: string };
}

/**
 * Checks every row of a worker batch and reports every problem with its row index, so a clerk can fix the whole
 * file in one go. Messages never repeat an identity or card number.
 */
export function checkWorkerRows(
  rows: readonly unknown[],
  today: IsoDate,
): { workers: CheckedWorker[]; errors: RowError[] } {
  const workers: CheckedWorker[] = [];
  const errors: RowError[] = [];
  const duplicates = new DuplicateFinder();
  rows.forEach((row, index) => {
    const shape = workerRow.safeParse(row);
    if (!shape.success) {
      errors.push(...shapeErrors(index, row, shape.error));
      return;
    }
    const rowErrors = checkWorker(index, shape.data, today);
    if (rowErrors.errors.length === 0) {
      const duplicate = duplicates.check(index, rowErrors.worker.idNumber, 'idNumber');
      if (duplicate) rowErrors.errors.push(duplicate);
    }
    if (rowErrors.errors.length > 0) errors.push(...rowErrors.errors);
    else workers.push(rowErrors.worker);
  });
  return { workers, errors };
}

function checkWorker(
  index: number,
  row: WorkerRow,
  today: IsoDate,
): { worker: CheckedWorker; errors: RowError[] } {
  const errors: RowError[] = [];
  const problem = (field: string, code: string, message: string) =>
    errors.push({ index, field, code, message });

  const identity = validateIdentityNumber(row.idNumber.trim(), today);
  if (!identity.ok) problem('idNumber', identity.code, identity.message);

  const entryOk = isIsoDate(row.entryDate);
  const latestEntry = addCalendarDays(today, MAX_ENTRY_DAYS_AHEAD);
  if (!entryOk)
    problem('entryDate', 'INVALID_DATE', 'must be a real calendar date YYYY-MM-DD, e.g. "2026-09-01"');
  else if (row.entryDate > latestEntry)
    problem(
      'entryDate',
      'TOO_FAR_AHEAD',
      `the entry date is more than ${MAX_ENTRY_DAYS_AHEAD} days ahead (today is ${today}); enrol the worker nearer the day, by ${latestEntry} at the latest`,
    );
  if (row.exitDate !== undefined) {
    if (!isIsoDate(row.exitDate)) {
      problem('exitDate', 'INVALID_DATE', 'must be a real calendar date YYYY-MM-DD, e.g. "2026-12-31"');
    } else if (entryOk && row.exitDate < row.entryDate) {
      problem('exitDate', 'EXIT_BEFORE_ENTRY', `the exit date is before the entry date ${row.entryDate}`);
    }
  }

  if (identity.ok && entryOk) {
    const { birthDate } = identity.value;
    if (row.entryDate < birthDate) {
      problem('entryDate', 'INVALID_DATE', 'the entry date is before the birth date in the identity number');
    } else if (ageOn(birthDate, row.entryDate) < MINIMUM_WORKING_AGE) {
      problem(
        'idNumber',
        'UNDER_MINIMUM_AGE',
        `the worker was ${ageOn(birthDate, row.entryDate)} on the entry date; no one under ${MINIMUM_WORKING_AGE} may be employed`,
      );
    }
  }

  if (row.phone !== undefined && !/^1\d{10}$/.test(row.phone)) {
    problem('phone', 'INVALID_PHONE', 'must be an 11-digit mainland mobile number starting with 1');
  }

  // Clerks paste card numbers in groups of four; the digits are what count.
  const cardNumber = row.bankCard?.cardNumber.replace(/[\s-]/g, '');
  if (cardNumber !== undefined && !isCardNumber(cardNumber)) {
    problem('bankCard.cardNumber', 'INVALID_CARD_NUMBER', 'a bank card number is 13 to 19 digits');
  }

  const worker: CheckedWorker = {
    ...row,
    idNumber: identity.ok ? identity.value.normalized : row.idNumber,
    bankCard: row.bankCard && { bankCode: row.bankCard.bankCode, cardNumber: cardNumber! },
  };
  return { worker, errors };
}
