import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { acceptanceDeadline, dateInShanghai, maskPhone } from '@wage/domain';
import { ApiError, Clock, PersonalDataCipher } from '@wage/platform';
import { employerKey } from '../../../complaints/use-cases/submit-complaint/submit-complaint.use-case';
import { ProjectDirectory } from '../../../projects/project-directory';
import { SCHEMA as S } from '../../../schema';
import type { FileClueDto } from '../../dto/file-clue.dto';
import { RollEntries } from '../../roll-entries';

/** Entered by the worker themself, as `entered_by` on the complaint: no inspector typed it. */
export const WORKER_ENTERED = 'worker';

/**
 * A worker's arrears clue (欠薪线索) from their phone: a complaint of kind CLUE in the intake queue of the project's
 * region, with its 5-working-day acceptance clock, against the project's general contractor. The complainant is
 * the session's identity as the project's roll names it (blind index, masked number, name); the identity number
 * itself never reaches this service.
 */
@Injectable()
export class FileClueUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roll: RollEntries,
    private readonly projects: ProjectDirectory,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async execute(idHash: string, clue: FileClueDto) {
    const [entry, project] = await Promise.all([
      this.roll.find(idHash, clue.projectCode),
      this.projects.find(clue.projectCode),
    ]);
    if (!entry || !project)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'PROJECT_NOT_YOURS',
        `你不在项目 ${clue.projectCode} 的实名册上，请选择“我的工资”里列出的项目 (the worker is not on that project's roll)`,
      );
    const id = randomUUID();
    const receivedAt = this.clock.now();
    const acceptBy = acceptanceDeadline(dateInShanghai(receivedAt));
    const key = employerKey(project.contractor);
    return this.dataSource.transaction(async (manager) => {
      // The same lock and link as a clue an inspector enters: one about the same employer and period is linked.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`complaint:${key}`]);
      const [first] = await manager.query(
        `SELECT id FROM "${S}".complaints
          WHERE employer_key = $1 AND duplicate_of IS NULL AND period_from <= $3 AND period_to >= $2
          ORDER BY received_at LIMIT 1`,
        [key, clue.periodFrom, clue.periodTo],
      );
      await manager.query(
        `INSERT INTO "${S}".complaints (id, kind, status, complainant_name, complainant_id_hash,
           complainant_id_masked, complainant_phone_enc, complainant_phone_masked, confidential, employer_name,
           employer_key, employer_credit_code, project_code, region_code, period_from, period_to,
           amount_owed_fen, workers_affected, description, received_at, accept_by, entered_by, duplicate_of)
         VALUES ($1, 'CLUE', 'PENDING', $2, $3, $4, $5, $6, false, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
           $17, $18, $19, $20)`,
        [
          id,
          entry.name,
          idHash,
          entry.idMasked,
          this.cipher.encrypt(clue.phone),
          maskPhone(clue.phone),
          project.contractor.name,
          key,
          project.contractor.creditCode,
          project.code,
          project.regionCode,
          clue.periodFrom,
          clue.periodTo,
          clue.amountOwed ?? null,
          clue.workersAffected ?? null,
          clue.description,
          receivedAt,
          acceptBy,
          WORKER_ENTERED,
          first?.id ?? null,
        ],
      );
      return { id, status: 'RECEIVED' as const, acceptBy };
    });
  }
}
