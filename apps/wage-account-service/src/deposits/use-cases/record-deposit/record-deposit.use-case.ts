import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepositRecorded } from '@wage/contracts';
import { startOfDayShanghai } from '@wage/domain';
import {
  ApiError,
  OutboxRelayService,
  OutboxWriter,
  describePrincipal,
  newEvent,
  withIdempotency,
  type Principal,
} from '@wage/platform';
import { ProjectDirectory } from '../../../projects/project-directory';
import { SCHEMA } from '../../../schema';
import { DepositRepository, type Deposit } from '../../deposit-repository';
import { depositView } from '../../deposit-view';
import type { RecordDepositDto } from '../../dto/deposit.dto';

/** Records a wage guarantee deposit (工资保证金): cash, or a bank guarantee letter (保函) valid until it expires. */
@Injectable()
export class RecordDepositUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deposits: DepositRepository,
    private readonly projects: ProjectDirectory,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  async execute(
    principal: Principal,
    request: RecordDepositDto,
    idempotency: { key: string | undefined; body: unknown },
  ) {
    if (principal.kind === 'project' && principal.projectCode !== request.projectCode) {
      throw ApiError.forbidden(
        `a project key records deposits for its own project only, not ${request.projectCode}`,
      );
    }
    const answer = await this.dataSource.transaction((manager) =>
      withIdempotency(
        manager,
        SCHEMA,
        { scope: `deposits:${describePrincipal(principal)}`, key: idempotency.key, body: idempotency.body },
        async () => {
          await this.projects.require(request.projectCode, manager);
          const { amount, ...terms } = request;
          const deposit: Deposit = {
            id: randomUUID(),
            ...terms,
            amountFen: amount,
            ...(principal.kind === 'bank' ? { bankCode: principal.bankCode } : {}),
          };
          await this.deposits.insert(manager, deposit);
          const { id, projectCode, form, amountFen, effectiveOn, expiresOn, reference } = deposit;
          await this.outbox.append(manager, [
            newEvent(
              DepositRecorded,
              projectCode,
              { depositId: id, projectCode, form, amountFen, effectiveOn, expiresOn, reference },
              startOfDayShanghai(effectiveOn),
            ),
          ]);
          return { status: HttpStatus.CREATED, body: depositView(deposit) };
        },
      ),
    );
    if (!answer.replayed) this.relay.relay.wake();
    return answer;
  }
}
