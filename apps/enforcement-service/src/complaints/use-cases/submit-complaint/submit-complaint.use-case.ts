import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { acceptanceDeadline, dateInShanghai, maskIdentityNumber, maskPhone } from '@wage/domain';
import { BlindIndex, Clock, PersonalDataCipher, UseCaseError, type Principal } from '@wage/platform';
import { actorOf, requireCovers } from '../../../access/casework-access';
import { ComplaintRepository } from '../../complaint.repository';
import type { SubmitComplaintDto } from '../../dto/complaint.dto';

/**
 * Receives a complaint, report or clue (投诉, 举报, 欠薪线索) and starts its acceptance clock: 5 working days. One
 * about the same employer and an overlapping period as an earlier one is linked to it, not lost.
 */
@Injectable()
export class SubmitComplaintUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, complaint: SubmitComplaintDto) {
    if (principal.kind !== 'user') throw UseCaseError.forbidden('complaints are entered by users');
    requireCovers(principal, complaint.regionCode);
    const id = randomUUID();
    const receivedAt = this.clock.now();
    const acceptBy = acceptanceDeadline(dateInShanghai(receivedAt));
    const { idNumber, phone } = complaint.complainant;
    return this.dataSource.transaction(async (manager) => {
      const { duplicateOf } = await this.complaints.receive(manager, {
        id,
        kind: complaint.kind,
        complainant: {
          name: complaint.complainant.name,
          idEncrypted: idNumber ? this.cipher.encrypt(idNumber) : null,
          idHash: idNumber ? this.blindIndex.hash('id', idNumber) : null,
          idMasked: idNumber ? maskIdentityNumber(idNumber) : null,
          phoneEncrypted: this.cipher.encrypt(phone),
          phoneMasked: maskPhone(phone),
          // A report's (举报) reporter is confidential unless they say otherwise.
          confidential: complaint.complainant.confidential ?? complaint.kind === 'REPORT',
        },
        employer: complaint.employer,
        projectCode: complaint.projectCode ?? null,
        regionCode: complaint.regionCode,
        periodFrom: complaint.periodFrom,
        periodTo: complaint.periodTo,
        amountOwed: complaint.amountOwed ?? null,
        workersAffected: complaint.workersAffected ?? null,
        description: complaint.description,
        receivedAt,
        acceptBy,
        enteredBy: actorOf(principal),
      });
      return { id, acceptBy, duplicateOf };
    });
  }
}
