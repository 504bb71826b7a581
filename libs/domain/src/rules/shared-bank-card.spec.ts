import { type CardRegistration, evaluateSharedBankCard } from './shared-bank-card';

describe('evaluateSharedBankCard', () => {
  const registration = (idHash: string, cardHash: string, projectCode: string): CardRegistration => ({
    idHash,
    idMasked: `350206********${idHash.slice(-4)}`,
    cardHash,
    cardMasked: `6222***********${cardHash.slice(-4)}`,
    projectCode,
  });
  it.each<[string, CardRegistration[], number | null]>([
    [
      'one worker per card',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0002', 'P1')],
      null,
    ],
    [
      'one worker, one card on two projects',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0001', 'card-0001', 'P2')],
      null,
    ],
    [
      'two workers on one card, same project',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0001', 'P1')],
      1,
    ],
    [
      'two workers on one card, across projects',
      [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0001', 'P2')],
      1,
    ],
    [
      'shared only on other projects',
      [registration('id-0001', 'card-0001', 'P2'), registration('id-0002', 'card-0001', 'P3')],
      null,
    ],
  ])('%s', (_scenario, registrations, cards) => {
    const result = evaluateSharedBankCard({ projectCode: 'P1', registrations });
    expect((result?.evidence.facts.cards as unknown[] | undefined)?.length ?? null).toBe(cards);
    if (result) expect(result.severity).toBe('ORANGE');
  });
});
