import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectRegistered } from '@wage/contracts';
import {
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  generateApiKey,
  hashApiKey,
  newEvent,
  storedSpelling,
} from '@wage/platform';
import type { RegisterProjectBody } from '../../dto/register-project.dto';
import { PROJECT_CODE_COLUMN } from '../../project-code-case';

/**
 * Registers a project and issues its key. The key is answered once and kept only as its hash; it is not
 * stored under an Idempotency-Key either, since that would keep it in clear. A repeat is a 409 on the code,
 * also in another case: codes are unique whatever their case.
 */
@Injectable()
export class RegisterProjectUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly outboxRelay: OutboxRelayService,
  ) {}

  async execute(project: RegisterProjectBody): Promise<{ code: string; apiKey: string }> {
    const apiKey = generateApiKey('project');
    const apiKeyHash = hashApiKey(apiKey);
    // A project is in construction (在建) from its start date until a status change says otherwise.
    const status = 'IN_CONSTRUCTION';
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO roster.projects (code, name, region_code, contractor_name, contractor_credit_code, owner_name,
           owner_credit_code, contract_amount_fen, start_date, planned_end_date, payday, status,
           status_effective_date, api_key_hash, grid_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $9, $13, $14)
         ON CONFLICT DO NOTHING RETURNING code`,
        [
          project.code,
          project.name,
          project.regionCode,
          project.contractor.name,
          project.contractor.creditCode,
          project.owner.name,
          project.owner.creditCode ?? null,
          project.contractAmount,
          project.startDate,
          project.plannedEndDate ?? null,
          project.payday,
          status,
          apiKeyHash,
          project.gridCode ?? null,
        ],
      );
      if (inserted.length === 0) {
        const stored = await storedSpelling(this.dataSource, PROJECT_CODE_COLUMN, project.code);
        if (stored !== undefined && stored !== project.code) {
          throw UseCaseError.conflict(
            'PROJECT_EXISTS',
            `项目编号 "${project.code}" 与已登记的 "${stored}" 只有大小写不同：编号不区分大小写，` +
              `"${stored}" 就是该项目；请另选一个编号登记新项目`,
          );
        }
        throw UseCaseError.conflict(
          'PROJECT_EXISTS',
          `a project with code "${project.code}" is already registered; choose another code`,
        );
      }
      await this.outbox.append(manager, [
        newEvent(ProjectRegistered, project.code, {
          code: project.code,
          name: project.name,
          regionCode: project.regionCode,
          gridCode: project.gridCode,
          contractor: project.contractor,
          owner: project.owner,
          contractAmountFen: project.contractAmount,
          startDate: project.startDate,
          plannedEndDate: project.plannedEndDate,
          payday: project.payday,
          status,
          apiKeyHash,
        }),
      ]);
    });
    this.outboxRelay.relay.wake();
    return { code: project.code, apiKey };
  }
}
