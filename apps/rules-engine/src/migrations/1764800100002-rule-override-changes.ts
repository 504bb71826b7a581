import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule overrides are audited (who, when, why) and a retroactive one leaves closed months alone unless the
 * administrator asks to re-evaluate them (docs/domain.md, Rule parameters). Existing overrides apply as before.
 */
export class RuleOverrideChanges1764800100002 implements MigrationInterface {
  name = 'RuleOverrideChanges1764800100002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE rules.rule_overrides ADD COLUMN applies_to_closed_months boolean NOT NULL DEFAULT true`,
      `CREATE TABLE rules.rule_override_changes (
         id             uuid        PRIMARY KEY,
         region_code    text        NOT NULL,
         effective_from date        NOT NULL,
         parameters     jsonb       NOT NULL,
         replaced       jsonb       NOT NULL,
         retroactive    boolean     NOT NULL,
         reevaluate     boolean     NOT NULL,
         reason         text,
         set_by         text        NOT NULL,
         set_at         timestamptz NOT NULL,
         CHECK (NOT retroactive OR reason IS NOT NULL)
       )`,
      `CREATE INDEX rule_override_changes_region_idx ON rules.rule_override_changes (region_code, set_at)`,
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rules.rule_override_changes`);
    await queryRunner.query(`ALTER TABLE rules.rule_overrides DROP COLUMN applies_to_closed_months`);
  }
}
