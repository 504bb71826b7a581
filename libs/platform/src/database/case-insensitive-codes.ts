import {
  Injectable,
  mixin,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DataSource, type QueryRunner } from 'typeorm';

/**
 * Codes that differ only in case (`pt0164-a`, `PT0164-A`) name one thing: people read, type and say them alike.
 * Found by the attack pass (issue 16 item 12): both could be registered side by side. The spelling first
 * registered is kept and shown; the uniqueness and the lookups ignore case.
 */
export interface CaseInsensitiveColumn {
  /** Schema-qualified table, e.g. `roster.projects`. */
  table: string;
  /** The code column, e.g. `code`. */
  column: string;
  /** The column that orders rows by registration, to tell the first of a group from its later duplicates. */
  registeredAt: string;
}

export interface CaseDuplicate {
  value: string;
  duplicateOf: string;
}

function names({ table, column }: CaseInsensitiveColumn) {
  const base = table.split('.').pop()!;
  return { marker: `${column}_case_duplicate_of`, index: `${base}_${column}_folded_key` };
}

/**
 * For a migration: makes the column unique without regard to case. Rows that already share a code in another case
 * are kept as they are, data and all: each later one is marked with the spelling of the first
 * (`<column>_case_duplicate_of`), left out of the unique index and reported (the migration does not fail on them;
 * docs/operations.md says how to resolve them). No new code may then take any case of theirs.
 */
export async function makeCaseInsensitiveUnique(
  queryRunner: QueryRunner,
  target: CaseInsensitiveColumn,
): Promise<CaseDuplicate[]> {
  const { table, column, registeredAt } = target;
  const { marker, index } = names(target);
  await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN ${marker} text`);
  await queryRunner.query(
    `WITH ranked AS (
       SELECT ${column} AS value,
              first_value(${column}) OVER (PARTITION BY lower(${column}) ORDER BY ${registeredAt}, ${column}) AS first
       FROM ${table})
     UPDATE ${table} t SET ${marker} = ranked.first FROM ranked
     WHERE t.${column} = ranked.value AND ranked.value <> ranked.first`,
  );
  const duplicates: CaseDuplicate[] = await queryRunner.query(
    `SELECT ${column} AS value, ${marker} AS "duplicateOf" FROM ${table} WHERE ${marker} IS NOT NULL
     ORDER BY ${marker}, ${registeredAt}`,
  );
  await queryRunner.query(
    `CREATE UNIQUE INDEX ${index} ON ${table} (lower(${column})) WHERE ${marker} IS NULL`,
  );
  for (const duplicate of duplicates) {
    console.warn(
      `${table}.${column}: "${duplicate.value}" differs only in case from "${duplicate.duplicateOf}", registered ` +
        `first; both are kept, marked in ${marker}. Resolve it as docs/operations.md says.`,
    );
  }
  return duplicates;
}

export async function dropCaseInsensitiveUnique(
  queryRunner: QueryRunner,
  target: CaseInsensitiveColumn,
): Promise<void> {
  const { marker, index } = names(target);
  const schema = target.table.split('.')[0];
  await queryRunner.query(`DROP INDEX IF EXISTS ${schema}.${index}`);
  await queryRunner.query(`ALTER TABLE ${target.table} DROP COLUMN ${marker}`);
}

/**
 * The stored spelling of a code given in any case: the exact one when it exists, else the one registered first;
 * undefined when none matches.
 */
export async function storedSpelling(
  dataSource: DataSource,
  target: CaseInsensitiveColumn,
  value: string,
): Promise<string | undefined> {
  const { table, column } = target;
  const { marker } = names(target);
  const [row]: { value: string }[] = await dataSource.query(
    `SELECT ${column} AS value FROM ${table}
     WHERE ${column} = $1 OR (lower(${column}) = lower($1) AND ${marker} IS NULL)
     ORDER BY ${column} = $1 DESC LIMIT 1`,
    [value],
  );
  return row?.value;
}

/**
 * An interceptor that replaces a path parameter given in another case by the stored spelling before the handler
 * reads it, so that every lookup, access check and event of the request uses the one spelling.
 */
export function CanonicalCaseParam(param: string, target: CaseInsensitiveColumn): Type<NestInterceptor> {
  @Injectable()
  class CanonicalCaseParamInterceptor implements NestInterceptor {
    constructor(readonly dataSource: DataSource) {}

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request>();
      const given = request.params?.[param];
      if (typeof given === 'string' && given !== '') {
        const stored = await storedSpelling(this.dataSource, target, given);
        if (stored !== undefined && stored !== given) request.params[param] = stored;
      }
      return next.handle();
    }
  }
  return mixin(CanonicalCaseParamInterceptor);
}
