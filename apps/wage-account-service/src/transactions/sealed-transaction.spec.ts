import { randomBytes } from 'node:crypto';
import { BlindIndex, PersonalDataCipher, sealingOncePerValue } from '@wage/platform';
import { sealTransaction } from './sealed-transaction';
import type { CheckedTransaction } from './transaction-rows';

const cipher = new PersonalDataCipher({ k1: randomBytes(32) }, 'k1');
const blindIndex = new BlindIndex(randomBytes(32));

const payment = (serialNo: string, accountNumber: string): CheckedTransaction => ({
  serialNo,
  occurredAt: new Date('2026-03-10T02:00:00Z'),
  direction: 'DEBIT',
  kind: 'PAYROLL',
  amountFen: 30_000,
  counterparty: { name: '张三', accountNumber },
});

describe('sealing a batch once per distinct number', () => {
  it('encrypts and hashes a card paid twice once, and seals it as the cipher and blind index would', () => {
    const encrypt = jest.spyOn(cipher, 'encrypt');
    const hash = jest.spyOn(blindIndex, 'hash');
    const sealing = sealingOncePerValue(cipher, blindIndex);
    const [first, again, other] = [
      payment('S1', '6222020200112233445'),
      payment('S2', '6222020200112233445'),
      payment('S3', '6222020200199887766'),
    ].map((tx) => sealTransaction(tx, sealing.cipher, sealing.blindIndex));

    expect(encrypt).toHaveBeenCalledTimes(2);
    expect(hash).toHaveBeenCalledTimes(2);
    expect(again.accountCipher).toBe(first.accountCipher);
    expect(cipher.decrypt(first.accountCipher!)).toBe('6222020200112233445');
    expect(cipher.decrypt(other.accountCipher!)).toBe('6222020200199887766');
    expect(first.accountHash).toBe(blindIndex.hash('card', '6222020200112233445'));
    expect(other.accountHash).not.toBe(first.accountHash);
    expect(first.accountMasked).toBe('6222***********3445');
  });
});
