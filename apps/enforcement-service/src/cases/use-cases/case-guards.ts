import { UseCaseError, type Principal } from '@wage/platform';
import { maySee } from '../../access/casework-access';
import type { CaseRow } from '../case-view';

/** The case when the caller may see it (404 otherwise, as if it did not exist) and it is still open (409). */
export function openCaseVisibleTo(principal: Principal, row: CaseRow): CaseRow {
  visibleTo(principal, row);
  if (row.status !== 'OPEN') throw UseCaseError.conflict('CASE_CLOSED', `case ${row.id} is closed`);
  return row;
}

export function visibleTo(principal: Principal, row: CaseRow): CaseRow {
  if (!maySee(principal, row.region_code))
    throw UseCaseError.notFound(`no case ${row.id}, or not one you may see`);
  return row;
}
