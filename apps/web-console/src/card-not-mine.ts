/**
 * Beside SHARED_BANK_CARD: the project's workers who said on the workers' channel that the card on the roll is not
 * theirs (工资卡不在本人手中), as the rules engine lists them in the evidence (`facts.cardNotMine`, masked).
 */
interface CardNotMine {
  worker: string;
  name: string;
  months: string[];
}

function isCardNotMine(value: unknown): value is CardNotMine {
  const v = value as Partial<CardNotMine> | null;
  return (
    typeof v?.worker === 'string' &&
    typeof v.name === 'string' &&
    Array.isArray(v.months) &&
    v.months.every((m) => typeof m === 'string')
  );
}

const monthZh = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** The sentence added to the evidence, or '' when no worker said so. */
export function cardNotMineText(facts: Record<string, unknown>, lang: 'zh' | 'en'): string {
  const workers = Array.isArray(facts.cardNotMine) ? facts.cardNotMine.filter(isCardNotMine) : [];
  if (workers.length === 0) return '';
  if (lang === 'en')
    return (
      ` ${workers.length} of the project's workers said on the workers' page that the card is not theirs: ` +
      `${workers.map((w) => `${w.name} (${w.worker}, ${w.months.join(', ')})`).join('; ')}.`
    );
  return (
    `另有${workers.length}名本项目工人在工人端表示工资卡不是自己的或不在自己手里：` +
    `${workers.map((w) => `${w.name}（${w.worker}，${w.months.map(monthZh).join('、')}）`).join('；')}。`
  );
}
