import { cardNotMineText } from './card-not-mine';

describe('the workers who said the card is not theirs, beside SHARED_BANK_CARD', () => {
  const facts = {
    cards: [],
    cardNotMine: [
      { worker: '350206********0001', name: '王*', months: ['2026-09', '2026-10'] },
      { worker: '350206********0003', name: '李*', months: ['2026-10'] },
    ],
  };

  it('names them masked, with their months', () => {
    expect(cardNotMineText(facts, 'zh')).toBe(
      '另有2名本项目工人在工人端表示工资卡不是自己的或不在自己手里：王*（350206********0001，2026年9月、2026年10月）；' +
        '李*（350206********0003，2026年10月）。',
    );
    expect(cardNotMineText(facts, 'en')).toContain('王* (350206********0001, 2026-09, 2026-10)');
  });

  it('adds nothing when no worker said so, or to evidence from before the field existed', () => {
    expect(cardNotMineText({ cards: [], cardNotMine: [] }, 'zh')).toBe('');
    expect(cardNotMineText({ cards: [] }, 'zh')).toBe('');
    expect(cardNotMineText({ cardNotMine: [{ worker: 1 }] }, 'en')).toBe('');
  });
});
