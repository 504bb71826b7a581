import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  firstDayOfMonth,
  lastDayOfMonth,
  validateIdentityNumber,
  type IsoDate,
  type Month,
} from '@wage/domain';
import { UseCaseError, type BlindIndex, type RowError } from '@wage/platform';
import { DuplicateFinder, shapeErrors } from '../common/row-errors';

type RowProblem = Omit<RowError, 'index'>;

export interface RollRowsCheck<T extends { idNumber: string }, C> {
  manager: EntityManager;
  projectCode: string;
  /** The month the rows are for: each worker must have been on site in it (entered by its end, not left before). */
  month: Month;
  rows: readonly unknown[];
  /** The row's shape; its own checks follow in `check`. */
  schema: z.ZodType<T>;
  /** The row's checks beyond the identity number: its value when good, or its problems. */
  check: (row: T) => { value: C } | { problems: RowProblem[] };
  blindIndex: BlindIndex;
  today: IsoDate;
}

/**
 * Checks a batch of per-worker rows (attendance records, pay-sheet lines): each row's own fields, its identity
 * number, once per batch, and that the worker is on the project's roll. Any problem refuses the batch whole (422
 * with every row error); otherwise every row comes back with its worker's id and blind index.
 */
export async function checkRollRows<T extends { idNumber: string }, C>(
  options: RollRowsCheck<T, C>,
): Promise<(C & { workerId: string; idHash: string })[]> {
  const errors: RowError[] = [];
  const checked: { index: number; idHash: string; value: C }[] = [];
  const duplicates = new DuplicateFinder();
  options.rows.forEach((row, index) => {
    const shape = options.schema.safeParse(row);
    if (!shape.success) {
      errors.push(...shapeErrors(index, row, shape.error));
      return;
    }
    const problems: RowProblem[] = [];
    const identity = validateIdentityNumber(shape.data.idNumber.trim(), options.today);
    if (!identity.ok) problems.push({ field: 'idNumber', code: identity.code, message: identity.message });
    const own = options.check(shape.data);
    if ('problems' in own) problems.push(...own.problems);
    const idHash = identity.ok ? options.blindIndex.hash('id', identity.value.normalized) : undefined;
    const duplicate = idHash === undefined ? undefined : duplicates.check(index, idHash, 'idNumber');
    if (duplicate) problems.push(duplicate);
    errors.push(...problems.map((problem) => ({ index, ...problem })));
    if (problems.length === 0 && 'value' in own) checked.push({ index, idHash: idHash!, value: own.value });
  });

  const onRoll = await workersOnRoll(
    options.manager,
    options.projectCode,
    checked.map((row) => row.idHash),
  );
  const [from, to] = [firstDayOfMonth(options.month), lastDayOfMonth(options.month)];
  for (const row of checked) {
    const worker = onRoll.get(row.idHash);
    if (!worker) {
      errors.push({
        index: row.index,
        field: 'idNumber',
        code: 'NOT_ON_ROLL',
        message: "no worker with this identity number is on the project's roll; enrol the worker first",
      });
    } else if (worker.entryDate > to || (worker.exitDate !== null && worker.exitDate < from)) {
      const onSite = `on the roll from ${worker.entryDate}${worker.exitDate === null ? '' : ` to ${worker.exitDate}`}`;
      errors.push({
        index: row.index,
        field: 'idNumber',
        code: 'NOT_ON_SITE_IN_MONTH',
        message: `this worker is ${onSite}, not in ${options.month}; correct the month or the roll's entry and exit dates`,
      });
    }
  }
  if (errors.length > 0) {
    throw UseCaseError.invalidRows(
      errors.sort((a, b) => a.index - b.index),
      options.rows.length,
    );
  }
  return checked.map((row) => ({ ...row.value, idHash: row.idHash, workerId: onRoll.get(row.idHash)!.id }));
}

interface RollEntry {
  id: string;
  idHash: string;
  entryDate: IsoDate;
  exitDate: IsoDate | null;
}

/** Roll entries by identity blind index, for the given hashes on one project's roll. */
async function workersOnRoll(
  manager: EntityManager,
  projectCode: string,
  idHashes: string[],
): Promise<Map<string, RollEntry>> {
  const rows: RollEntry[] = await manager.query(
    `SELECT id, id_hash AS "idHash", entry_date::text AS "entryDate", exit_date::text AS "exitDate"
     FROM roster.workers WHERE project_code = $1 AND id_hash = ANY($2::text[])`,
    [projectCode, idHashes],
  );
  return new Map(rows.map((row) => [row.idHash, row]));
}
