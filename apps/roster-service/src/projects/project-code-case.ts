import { CanonicalCaseParam, type CaseInsensitiveColumn } from '@wage/platform';

/** Project codes are unique and found whatever their case; the spelling first registered is the one kept. */
export const PROJECT_CODE_COLUMN: CaseInsensitiveColumn = {
  table: 'roster.projects',
  column: 'code',
  registeredAt: 'created_at',
};

/** `/projects/{code}` in any case reaches the project under its registered spelling. */
export const CanonicalProjectCode = CanonicalCaseParam('code', PROJECT_CODE_COLUMN);
