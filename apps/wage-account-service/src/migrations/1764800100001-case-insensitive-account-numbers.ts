import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropCaseInsensitiveUnique, makeCaseInsensitiveUnique } from '@wage/platform';
import { ACCOUNT_NUMBER_COLUMN } from '../wage-accounts/account-number-case';

/**
 * Dedicated account numbers are unique whatever their case (they may hold letters). Existing pairs are kept and
 * reported, not merged: the later one is marked `account_number_case_duplicate_of`.
 */
export class CaseInsensitiveAccountNumbers1764800100001 implements MigrationInterface {
  name = 'CaseInsensitiveAccountNumbers1764800100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await makeCaseInsensitiveUnique(queryRunner, ACCOUNT_NUMBER_COLUMN);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropCaseInsensitiveUnique(queryRunner, ACCOUNT_NUMBER_COLUMN);
  }
}
