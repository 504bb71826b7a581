import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepositMovementRecorded } from '@wage/contracts';
import { dateInShanghai, formatYuan, parseInstant } from '@wage/domain';
import {
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  describePrincipal,
  isAdmin,
  newEvent,
  withIdempotency,
  type Principal,
} from '@wage/platform';
import { SCHEMA } from '../../../schema';
import { depositBalanceOn, movementProblem, type DepositMovement } from '../../deposit-in-force';
import { DepositRepository } from '../../deposit.repository';
import type { RecordMovementDto } from '../../dto/deposit.dto';

/** A drawdown to pay arrears (动用), its top-up (补足), or the release at the end (退还), by the bank or the administrator. */
@Injectable()
export class RecordDepositMovementUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deposits: DepositRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  async execute(
    principal: Principal,
    depositId: string,
    request: RecordMovementDto,
    idempotency: { key: string | undefined; body: unknown },
  ) {
    const movement: DepositMovement = {
      kind: request.kind,
      amountFen: request.amount,
      occurredAt: parseInstant(request.occurredAt),
    };
    const answer = await this.dataSource.transaction((manager) =>
      withIdempotency(
        manager,
        SCHEMA,
        { scope: `deposit-movements:${depositId}:${describePrincipal(principal)}`, ...idempotency },
        async () => {
          const deposit = await this.deposits.findForUpdate(manager, depositId);
          const mayMove =
            isAdmin(principal) || (principal.kind === 'bank' && principal.bankCode === deposit?.bankCode);
          if (!deposit || !mayMove) {
            throw UseCaseError.notFound(`no deposit ${depositId} whose movements this caller may record`);
          }
          if (!deposit.confirmed) {
            throw UseCaseError.conflict(
              'DEPOSIT_NOT_CONFIRMED',
              `deposit ${depositId} is a project's declaration the bank has not confirmed; confirm it first ` +
                `(POST /deposits/${depositId}/confirmation)`,
            );
          }
          const earlier = (await this.deposits.movementsOf([depositId], manager)).get(depositId)!;
          const problem = movementProblem(deposit, earlier, movement);
          if (problem)
            throw new UseCaseError('UNPROCESSABLE', 'INVALID_MOVEMENT', problem.message, [problem]);
          const id = randomUUID();
          await this.deposits.insertMovement(manager, id, depositId, movement);
          await this.outbox.append(manager, [
            newEvent(
              DepositMovementRecorded,
              deposit.projectCode,
              {
                depositId,
                kind: movement.kind,
                amountFen: movement.amountFen,
                occurredAt: movement.occurredAt.toISOString(),
              },
              movement.occurredAt,
            ),
          ]);
          const balanceFen = depositBalanceOn(
            deposit,
            [...earlier, movement],
            dateInShanghai(movement.occurredAt),
          );
          return {
            outcome: 'CREATED',
            body: {
              id,
              depositId,
              kind: movement.kind,
              amount: formatYuan(movement.amountFen),
              amountFen: movement.amountFen,
              occurredAt: movement.occurredAt.toISOString(),
              /** What the deposit holds at the end of the movement's day. */
              balance: formatYuan(balanceFen),
              balanceFen,
            },
          };
        },
      ),
    );
    if (!answer.replayed) this.relay.relay.wake();
    return answer;
  }
}
