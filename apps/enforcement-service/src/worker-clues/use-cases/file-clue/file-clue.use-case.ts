import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { acceptanceDeadline, dateInShanghai, maskPhone } from '@wage/domain';
import { Clock, PersonalDataCipher, UseCaseError } from '@wage/platform';
import { ComplaintRepository } from '../../../complaints/complaint.repository';
import { ProjectRepository } from '../../../projects/project.repository';
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
    private readonly projects: ProjectRepository,
    private readonly complaints: ComplaintRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async execute(idHash: string, clue: FileClueDto) {
    const [entry, project] = await Promise.all([
      this.roll.find(idHash, clue.projectCode),
      this.projects.find(clue.projectCode),
    ]);
    if (!entry || !project)
      throw new UseCaseError(
        'NOT_FOUND',
        'PROJECT_NOT_YOURS',
        `你不在项目 ${clue.projectCode} 的实名册上，请选择“我的工资”里列出的项目 (the worker is not on that project's roll)`,
      );
    const id = randomUUID();
    const receivedAt = this.clock.now();
    const acceptBy = acceptanceDeadline(dateInShanghai(receivedAt));
    return this.dataSource.transaction(async (manager) => {
      // Linked like a clue an inspector enters: one about the same employer and period is linked to the first.
      await this.complaints.receive(manager, {
        id,
        kind: 'CLUE',
        complainant: {
          name: entry.name,
          idEncrypted: null,
          idHash,
          idMasked: entry.idMasked,
          phoneEncrypted: this.cipher.encrypt(clue.phone),
          phoneMasked: maskPhone(clue.phone),
          confidential: false,
        },
        employer: project.contractor,
        projectCode: project.code,
        regionCode: project.regionCode,
        periodFrom: clue.periodFrom,
        periodTo: clue.periodTo,
        amountOwed: clue.amountOwed ?? null,
        workersAffected: clue.workersAffected ?? null,
        description: clue.description,
        receivedAt,
        acceptBy,
        enteredBy: WORKER_ENTERED,
      });
      return { id, status: 'RECEIVED' as const, acceptBy };
    });
  }
}
