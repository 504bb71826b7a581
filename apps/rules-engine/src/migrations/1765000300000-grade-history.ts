import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers' grades kept by year, not only the latest: a dry run as of an earlier day applies the grade that was in
 * force on that day, not today's.
 */
export class GradeHistory1765000300000 implements MigrationInterface {
  name = 'GradeHistory1765000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rules.employer_grades DROP CONSTRAINT employer_grades_pkey`);
    await queryRunner.query(`ALTER TABLE rules.employer_grades ADD PRIMARY KEY (credit_code, year)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM rules.employer_grades g USING rules.employer_grades later
       WHERE later.credit_code = g.credit_code AND later.year > g.year`,
    );
    await queryRunner.query(`ALTER TABLE rules.employer_grades DROP CONSTRAINT employer_grades_pkey`);
    await queryRunner.query(`ALTER TABLE rules.employer_grades ADD PRIMARY KEY (credit_code)`);
  }
}
