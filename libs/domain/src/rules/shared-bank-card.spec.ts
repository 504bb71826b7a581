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

  it("names the project's workers who said the card is not theirs, masked, once each with their months", () => {
    const shared = [registration('id-0001', 'card-0001', 'P1'), registration('id-0002', 'card-0001', 'P1')];
    const cardNotMine = [
      { idMasked: '350206********0001', nameMasked: '王*', month: '2026-10' },
      { idMasked: '350206********0001', nameMasked: '王*', month: '2026-09' },
      { idMasked: '350206********0003', nameMasked: '李*', month: '2026-10' },
    ];
    const result = evaluateSharedBankCard({ projectCode: 'P1', registrations: shared, cardNotMine });
    expect(result?.evidence.facts.cardNotMine).toEqual([
      { worker: '350206********0001', name: '王*', months: ['2026-09', '2026-10'] },
      { worker: '350206********0003', name: '李*', months: ['2026-10'] },
    ]);
    // Without a shared card, the workers' word is WORKER_PAY_DISPUTED's evidence, not this rule's.
    expect(
      evaluateSharedBankCard({
        projectCode: 'P1',
        registrations: [registration('id-0001', 'card-0001', 'P1')],
        cardNotMine,
      }),
    ).toBeNull();
  });
});
