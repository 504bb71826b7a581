import { Injectable } from '@nestjs/common';
import { formatYuan, parseInstant } from '@wage/domain';
import { UseCaseError, type Principal } from '@wage/platform';
import { maySeeAccount } from '../../account-access';
import { accountDataQuality } from '../../data-quality';
import { WageAccountRepository } from '../../wage-account.repository';

/**
 * An account with its balance and how far the bank stated its feed complete, to whoever may see it; to anyone else
 * it does not exist (404).
 */
@Injectable()
export class GetWageAccountUseCase {
  constructor(private readonly accounts: WageAccountRepository) {}

  async execute(principal: Principal, accountNumber: string, asOf?: string) {
    const account = await this.accounts.find(accountNumber);
    if (!account || !maySeeAccount(principal, account)) {
      throw UseCaseError.notFound(`no dedicated wage account ${accountNumber} that this caller may see`);
    }
    const asOfInstant = asOf === undefined ? undefined : parseInstant(asOf);
    const { balanceFen, transactionCount } = await this.accounts.balance(accountNumber, asOfInstant);
    return {
      ...account,
      statementThrough: account.statementThrough?.toISOString() ?? null,
      ...(asOfInstant ? { asOf: asOfInstant.toISOString() } : {}),
      balance: formatYuan(balanceFen),
      balanceFen,
      transactionCount,
      dataQuality: await accountDataQuality(this.accounts, accountNumber),
    };
  }
}
