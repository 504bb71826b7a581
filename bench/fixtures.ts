import { IdentityFactory } from '../apps/simulator/src/identities';
import { Random } from '../apps/simulator/src/random';
import { api, apiEventually, type Stack } from './stack';

/** Valid identity, card and credit-code numbers that never repeat within one run (the simulator's generator). */
export const ids = new IdentityFactory(new Random(`bench-${Date.now()}`));

export interface BenchProject {
  code: string;
  apiKey: string;
  accountNumber: string;
}

/** The bench bank's key on each stack (a benchmark with settings of its own runs on a stack of its own). */
const bankKeys = new WeakMap<Stack, string>();
const BANK = 'BENCHBANK';

export async function bank(stack: Stack): Promise<string> {
  let key = bankKeys.get(stack);
  if (!key) {
    ({ apiKey: key } = await api<{ apiKey: string }>(stack.gateway, 'POST', '/banks', stack.adminKey, {
      code: BANK,
      name: '基准测试银行',
    }));
    bankKeys.set(stack, key);
  }
  return key;
}

/** Registers a project through the gateway and has the bank open its dedicated account on the day it starts. */
export async function project(
  stack: Stack,
  code: string,
  regionCode: string,
  startDate = '2024-01-01',
): Promise<BenchProject> {
  const { apiKey } = await api<{ apiKey: string }>(stack.gateway, 'POST', '/projects', stack.adminKey, {
    code,
    name: `${code} 基准测试工程`,
    regionCode,
    contractor: { name: `${code} 建设工程有限公司`, creditCode: ids.creditCode(regionCode) },
    owner: { name: '城市建设投资集团有限公司' },
    contractAmount: '50000000.00',
    startDate,
    payday: 15,
  });
  const accountNumber = `BA-${code}`;
  await apiEventually(stack.gateway, 'POST', '/wage-accounts', await bank(stack), {
    projectCode: code,
    bankCode: BANK,
    accountNumber,
    openedOn: startDate,
  });
  return { code, apiKey, accountNumber };
}

export function workerRow() {
  return {
    idNumber: ids.identityNumber(),
    name: ids.personName(),
    phone: ids.phone(),
    bankCard: ids.bankCard(),
    team: '钢筋班',
    trade: '钢筋工',
    entryDate: '2024-02-01',
  };
}

/** An instant as the bank writes it, in Shanghai time. */
export function shanghaiInstant(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

let serial = 0;
export function transactionRow(
  kind: 'PAYROLL' | 'APPROPRIATION' | 'TRANSFER',
  occurredAt: Date,
  amount = '300.00',
) {
  serial += 1;
  const card = ids.bankCard();
  return {
    serialNo: `B${Date.now().toString(36)}-${serial}`,
    occurredAt: shanghaiInstant(occurredAt),
    direction: kind === 'APPROPRIATION' ? 'CREDIT' : 'DEBIT',
    amount,
    kind,
    counterparty:
      kind === 'APPROPRIATION'
        ? { name: '城市建设投资集团有限公司', accountNumber: `6200${String(serial).padStart(12, '0')}` }
        : { name: ids.personName(), accountNumber: card.cardNumber },
  };
}

/** Months as YYYY-MM in Shanghai time, `back` months before now. */
export function monthBack(back: number, now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const date = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}
