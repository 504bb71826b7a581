import { Injectable } from '@nestjs/common';
import { UseCaseError, generateApiKey, hashApiKey } from '@wage/platform';
import { BankRepository } from '../../bank.repository';
import type { RegisterBankDto } from '../../dto/register-bank.dto';

/** Registers a bank and issues its key: the key is answered once and only its hash is kept. */
@Injectable()
export class RegisterBankUseCase {
  constructor(private readonly banks: BankRepository) {}

  async execute(bank: RegisterBankDto): Promise<{ code: string; apiKey: string }> {
    const apiKey = generateApiKey('bank');
    if (!(await this.banks.insert({ ...bank, apiKeyHash: hashApiKey(apiKey) }))) {
      throw UseCaseError.conflict('BANK_EXISTS', `a bank with code ${bank.code} is already registered`);
    }
    return { code: bank.code, apiKey };
  }
}
