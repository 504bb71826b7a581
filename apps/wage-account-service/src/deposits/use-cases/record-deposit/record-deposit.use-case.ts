import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepositRecorded } from '@wage/contracts';
import { addCalendarDays, startOfDayShanghai } from '@wage/domain';
import {
  Clock,
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  describePrincipal,
  newEvent,
  withIdempotency,
  type Principal,
} from '@wage/platform';
import { BankRepository } from '../../../banks/bank.repository';
import { ProjectRepository } from '../../../projects/project.repository';
import { SCHEMA } from '../../../schema';
import { DepositRepository, type Deposit } from '../../deposit.repository';
import { depositView } from '../../deposit-view';
import type { RecordDepositDto } from '../../dto/deposit.dto';

/** A deposit may be recorded up to this many days before it takes effect: a deposit "from 2099" is a typing error. */
const MAX_DAYS_AHEAD = 30;

/**
 * Records a wage guarantee deposit (工资保证金): cash, or a bank guarantee letter (保函) valid until it expires.
 * The bank or guarantor holding it records it, and it counts at once. A project may declare its own, naming that
 * bank; the declaration counts only once the bank confirms it (the monitored party never certifies itself), so it
 * is published (DepositRecorded) only then.
 */
@Injectable()
export class RecordDepositUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deposits: DepositRepository,
    private readonly projects: ProjectRepository,
    private readonly banks: BankRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    request: RecordDepositDto,
    idempotency: { key: string | undefined; body: unknown },
  ) {
    const declared = principal.kind === 'project';
    if (declared && principal.projectCode !== request.projectCode) {
      throw UseCaseError.forbidden(
        `a project key declares deposits for its own project only, not ${request.projectCode}`,
      );
    }
    refuseImplausibleDates(request, this.clock.today());
    if (declared && request.bankCode === undefined) {
      throw UseCaseError.invalid(
        "a project's declaration names the bank or guarantor holding the deposit (bankCode), which must confirm it " +
          'before it counts',
        [{ field: 'bankCode', code: 'REQUIRED', message: 'the code of the bank that holds the deposit' }],
      );
    }
    if (
      principal.kind === 'bank' &&
      request.bankCode !== undefined &&
      request.bankCode !== principal.bankCode
    ) {
      throw UseCaseError.invalid(
        `a bank records the deposits it holds itself; bankCode ${request.bankCode} is not this bank's ` +
          `(${principal.bankCode}). Leave bankCode out.`,
        [{ field: 'bankCode', code: 'NOT_THIS_BANK', message: 'leave it out, or give this bank’s code' }],
      );
    }
    const answer = await this.dataSource.transaction((manager) =>
      withIdempotency(
        manager,
        SCHEMA,
        { scope: `deposits:${describePrincipal(principal)}`, key: idempotency.key, body: idempotency.body },
        async () => {
          await this.projects.require(request.projectCode, manager);
          if (declared && !(await this.banks.exists(request.bankCode!, manager))) {
            throw UseCaseError.invalid(
              `there is no bank ${request.bankCode} registered to confirm the deposit`,
              [{ field: 'bankCode', code: 'UNKNOWN_BANK', message: 'the code of a registered bank' }],
            );
          }
          const { amount, bankCode: _declaredBank, ...terms } = request;
          const deposit: Deposit = {
            id: randomUUID(),
            ...terms,
            amountFen: amount,
            bankCode: principal.kind === 'bank' ? principal.bankCode : request.bankCode,
            declaredByProject: declared,
            confirmed: !declared,
          };
          await this.deposits.insert(manager, deposit);
          if (deposit.confirmed) await this.outbox.append(manager, [depositRecorded(deposit)]);
          return { outcome: 'CREATED', body: depositView(deposit) };
        },
      ),
    );
    if (!answer.replayed) this.relay.relay.wake();
    return answer;
  }
}

/** The event by which a deposit starts to count, once its bank recorded or confirmed it. */
export function depositRecorded(deposit: Deposit) {
  const { id, projectCode, form, amountFen, effectiveOn, expiresOn, reference } = deposit;
  return newEvent(
    DepositRecorded,
    projectCode,
    { depositId: id, projectCode, form, amountFen, effectiveOn, expiresOn, reference },
    startOfDayShanghai(effectiveOn),
  );
}

function refuseImplausibleDates(request: RecordDepositDto, today: string): void {
  const latest = addCalendarDays(today, MAX_DAYS_AHEAD);
  if (request.effectiveOn > latest) {
    throw UseCaseError.invalid(
      `effectiveOn ${request.effectiveOn} is more than ${MAX_DAYS_AHEAD} days ahead (today is ${today} in ` +
        'Shanghai); record the deposit when it is about to take effect',
      [{ field: 'effectiveOn', code: 'TOO_FAR_AHEAD', message: `must be ${latest} or earlier` }],
    );
  }
}
