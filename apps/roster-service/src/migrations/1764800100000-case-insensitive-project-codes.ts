import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropCaseInsensitiveUnique, makeCaseInsensitiveUnique } from '@wage/platform';
import { PROJECT_CODE_COLUMN } from '../projects/project-code-case';

/**
 * Project codes are unique whatever their case (`pt0164-a` and `PT0164-A` could both be registered). Existing
 * pairs are kept and reported, not merged: the later one is marked `code_case_duplicate_of`.
 */
export class CaseInsensitiveProjectCodes1764800100000 implements MigrationInterface {
  name = 'CaseInsensitiveProjectCodes1764800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await makeCaseInsensitiveUnique(queryRunner, PROJECT_CODE_COLUMN);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropCaseInsensitiveUnique(queryRunner, PROJECT_CODE_COLUMN);
  }
}
