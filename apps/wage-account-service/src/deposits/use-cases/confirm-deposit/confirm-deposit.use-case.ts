import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UseCaseError, OutboxRelayService, OutboxWriter, type Principal } from '@wage/platform';
import { DepositRepository } from '../../deposit.repository';
import { depositView } from '../../deposit-view';
import { depositRecorded } from '../record-deposit/record-deposit.use-case';

/**
 * The bank named in a project's declaration confirms that it holds the deposit: from then on it counts, and it is
 * published. Confirming again changes nothing.
 */
@Injectable()
export class ConfirmDepositUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deposits: DepositRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  async execute(principal: Principal, id: string) {
    const answer = await this.dataSource.transaction(async (manager) => {
      const deposit = await this.deposits.findForUpdate(manager, id);
      if (!deposit || principal.kind !== 'bank' || deposit.bankCode !== principal.bankCode) {
        throw UseCaseError.notFound(`no deposit ${id} held by this bank`);
      }
      if (deposit.confirmed) return { changed: false, body: depositView(deposit) };
      await this.deposits.confirm(manager, id);
      const confirmed = { ...deposit, confirmed: true };
      await this.outbox.append(manager, [depositRecorded(confirmed)]);
      return { changed: true, body: depositView(confirmed) };
    });
    if (answer.changed) this.relay.relay.wake();
    return answer.body;
  }
}
