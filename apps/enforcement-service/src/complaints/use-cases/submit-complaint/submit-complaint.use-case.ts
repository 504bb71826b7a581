import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { acceptanceDeadline, dateInShanghai, maskIdentityNumber, maskPhone } from '@wage/domain';
import { ApiError, BlindIndex, Clock, PersonalDataCipher, type Principal } from '@wage/platform';
import { actorOf, requireCovers } from '../../../access/casework-access';
import { SCHEMA as S } from '../../../schema';
import type { SubmitComplaintDto } from '../../dto/complaint.dto';

/** Duplicate clues are found by employer: its credit code, else its name without spaces or case. */
export function employerKey(employer: { name: string; creditCode?: string }): string {
  return employer.creditCode ?? `name:${employer.name.replace(/\s+/g, '').toLowerCase()}`;
}

/**
 * Receives a complaint, report or clue (投诉, 举报, 欠薪线索) and starts its acceptance clock: 5 working days. One
 * about the same employer and an overlapping period as an earlier one is linked to it, not lost.
 */
@Injectable()
export class SubmitComplaintUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, complaint: SubmitComplaintDto) {
    if (principal.kind !== 'user') throw ApiError.forbidden('complaints are entered by users');
    requireCovers(principal, complaint.regionCode);
    const id = randomUUID();
    const receivedAt = this.clock.now();
    const acceptBy = acceptanceDeadline(dateInShanghai(receivedAt));
    const key = employerKey(complaint.employer);
    const { idNumber, phone } = complaint.complainant;
    return this.dataSource.transaction(async (manager) => {
      // Serialises clues about one employer, so that two arriving together still link to one another.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`complaint:${key}`]);
      const [first] = await manager.query(
        `SELECT id FROM "${S}".complaints
          WHERE employer_key = $1 AND duplicate_of IS NULL AND period_from <= $3 AND period_to >= $2
          ORDER BY received_at LIMIT 1`,
        [key, complaint.periodFrom, complaint.periodTo],
      );
      const duplicateOf: string | null = first?.id ?? null;
      await manager.query(
        `INSERT INTO "${S}".complaints (id, kind, status, complainant_name, complainant_id_enc, complainant_id_hash,
           complainant_id_masked, complainant_phone_enc, complainant_phone_masked, confidential, employer_name,
           employer_key, employer_credit_code, employer_address, project_code, region_code, period_from, period_to,
           amount_owed_fen, workers_affected, description, received_at, accept_by, entered_by, duplicate_of)
         VALUES ($1, $2, 'PENDING', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
           $21, $22, $23, $24)`,
        [
          id,
          complaint.kind,
          complaint.complainant.name,
          idNumber ? this.cipher.encrypt(idNumber) : null,
          idNumber ? this.blindIndex.hash('id', idNumber) : null,
          idNumber ? maskIdentityNumber(idNumber) : null,
          this.cipher.encrypt(phone),
          maskPhone(phone),
          // A report's (举报) reporter is confidential unless they say otherwise.
          complaint.complainant.confidential ?? complaint.kind === 'REPORT',
          complaint.employer.name,
          key,
          complaint.employer.creditCode ?? null,
          complaint.employer.address ?? null,
          complaint.projectCode ?? null,
          complaint.regionCode,
          complaint.periodFrom,
          complaint.periodTo,
          complaint.amountOwed ?? null,
          complaint.workersAffected ?? null,
          complaint.description,
          receivedAt,
          acceptBy,
          actorOf(principal),
          duplicateOf,
        ],
      );
      return { id, acceptBy, duplicateOf };
    });
  }
}
