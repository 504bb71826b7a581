import { type Finding, finding, type WorkerRef } from './finding';

/** A worker's registered card on any project, as the SQL joining on `cardHash` returns it. */
export interface CardRegistration extends WorkerRef {
  cardHash: string;
  cardMasked: string;
  projectCode: string;
}

/** A worker of the project who said on the workers' channel that the card on the roll is not theirs (masked). */
export interface CardNotMineAnswer {
  idMasked: string;
  /** '王*'. */
  nameMasked: string;
  month: string;
}

/**
 * 疑似代管工资卡: a card registered for two or more different workers, on this project or any other (ORANGE).
 * Pass the registrations of every card this project's workers use; one finding per project, month null. The
 * project's workers who disputed a month as "card not mine" (工资卡不在本人手中) are named beside it, masked: the
 * same fraud seen from the worker's side. Their word alone raises WORKER_PAY_DISPUTED, not this.
 */
export function evaluateSharedBankCard({
  projectCode,
  registrations,
  cardNotMine = [],
}: {
  projectCode: string;
  registrations: readonly CardRegistration[];
  cardNotMine?: readonly CardNotMineAnswer[];
}): Finding | null {
  const byCard = new Map<string, CardRegistration[]>();
  for (const registration of registrations) {
    byCard.set(registration.cardHash, [...(byCard.get(registration.cardHash) ?? []), registration]);
  }
  const shared = [...byCard.values()].filter(
    (group) =>
      new Set(group.map((r) => r.idHash)).size >= 2 && group.some((r) => r.projectCode === projectCode),
  );
  if (shared.length === 0) return null;
  const workers = shared
    .flat()
    .filter(
      (registration, index, all) =>
        all.findIndex(
          (other) => other.idHash === registration.idHash && other.cardHash === registration.cardHash,
        ) === index,
    );
  return finding({
    code: 'SHARED_BANK_CARD',
    severity: 'ORANGE',
    month: null,
    title: `疑似代管工资卡：${shared.length}张银行卡登记给多名工人`,
    workers,
    parameters: {},
    facts: {
      cards: shared.map((group) => ({
        cardMasked: group[0].cardMasked,
        workers: new Set(group.map((r) => r.idHash)).size,
        projects: [...new Set(group.map((r) => r.projectCode))].sort(),
      })),
      cardNotMine: workersSayingCardNotMine(cardNotMine),
    },
  });
}

/** One entry per worker, with the months they disputed so, in order. */
function workersSayingCardNotMine(answers: readonly CardNotMineAnswer[]) {
  const byWorker = new Map<string, { worker: string; name: string; months: string[] }>();
  for (const answer of answers) {
    const entry = byWorker.get(answer.idMasked) ?? {
      worker: answer.idMasked,
      name: answer.nameMasked,
      months: [],
    };
    if (!entry.months.includes(answer.month)) entry.months.push(answer.month);
    byWorker.set(answer.idMasked, entry);
  }
  return [...byWorker.values()].map((entry) => ({ ...entry, months: entry.months.sort() }));
}
