import { creditCodeCheckChar, identityCheckDigit } from '@wage/domain';
import type { Random } from './random';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋亮成建国志文海春东峰兵红英芳丽敏静秀兰桂凤玉珍福荣贵祥根生发德顺利才金水山林永德世长';

/** Counties many construction workers in Fujian come from (GB/T 2260 codes, for identity numbers). */
const HOME_COUNTIES = [
  '510922',
  '511621',
  '510724',
  '412723',
  '411522',
  '341221',
  '342422',
  '430521',
  '431222',
  '362421',
  '360731',
  '522422',
  '520221',
  '350583',
  '350526',
  '350627',
  '451025',
  '450881',
  '420921',
  '500235',
];

/** Trades (工种) and how much a day's work pays, in whole yuan. */
export const TRADES: readonly { trade: string; team: string; dailyWage: [number, number] }[] = [
  { trade: '钢筋工', team: '钢筋班', dailyWage: [380, 460] },
  { trade: '木工', team: '木工班', dailyWage: [380, 480] },
  { trade: '混凝土工', team: '混凝土班', dailyWage: [330, 420] },
  { trade: '架子工', team: '架子班', dailyWage: [360, 450] },
  { trade: '砌筑工', team: '泥瓦班', dailyWage: [320, 400] },
  { trade: '水电工', team: '水电班', dailyWage: [350, 440] },
  { trade: '电焊工', team: '电焊班', dailyWage: [380, 470] },
  { trade: '油漆工', team: '装饰班', dailyWage: [300, 380] },
  { trade: '普工', team: '杂工班', dailyWage: [240, 300] },
];

/** Card BINs of banks that pay construction wages, with the bank codes the cards are registered under. */
const CARD_BANKS = [
  { bankCode: 'ICBC', bin: '622202' },
  { bankCode: 'CCB', bin: '621700' },
  { bankCode: 'ABC', bin: '622848' },
  { bankCode: 'BOC', bin: '621661' },
  { bankCode: 'RCU', bin: '623038' },
];

const CITY_PARTS = [
  '五缘湾',
  '高崎',
  '殿前',
  '马垅',
  '金山',
  '江头',
  '禾山',
  '枋湖',
  '后埔',
  '湖边',
  '钟宅',
  '林后',
];
const WORKS = [
  '安置房',
  '商住楼',
  '学校',
  '综合体',
  '市政道路',
  '地铁站点',
  '保障性住房',
  '产业园厂房',
  '医院',
  '公园',
];
const FIRMS = [
  '鹭岛',
  '海沧',
  '嘉禾',
  '鼓浪',
  '同安',
  '建发',
  '联发',
  '闽南',
  '集美',
  '思明',
  '海峡',
  '东南',
];
const OWNERS = ['城市建设投资集团有限公司', '房地产开发有限公司', '安居集团有限公司', '轨道交通集团有限公司'];

// GB 32100's 31 characters: a character's value is its index.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Hands out names and numbers that never repeat within one simulated district. */
export class IdentityFactory {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  personName(): string {
    const given =
      this.random.pick([...GIVEN]) + (this.random.chance(0.75) ? this.random.pick([...GIVEN]) : '');
    return this.random.pick([...SURNAMES]) + given;
  }

  /**
   * A GB 11643 number of an adult born between 1966 and 2003 (at least 18 at any entry date simulated), mostly
   * men as on most sites; the 17th digit is odd for men.
   */
  identityNumber(): string {
    return this.unique(() => {
      const year = this.random.int(1966, 2003);
      const month = this.random.int(1, 12);
      const day = this.random.int(1, 28);
      const male = this.random.chance(0.88);
      const sequence = `${this.random.digits(2)}${this.random.int(0, 4) * 2 + (male ? 1 : 0)}`;
      const first17 = `${this.random.pick(HOME_COUNTIES)}${year}${pad(month)}${pad(day)}${sequence}`;
      return first17 + identityCheckDigit(first17);
    });
  }

  /** A 19-digit debit card number with a valid Luhn check digit, and the bank that issued it. */
  bankCard(): { bankCode: string; cardNumber: string } {
    const bank = this.random.pick(CARD_BANKS);
    const cardNumber = this.unique(() => {
      const first18 = bank.bin + this.random.digits(12);
      return first18 + luhnDigit(first18);
    });
    return { bankCode: bank.bankCode, cardNumber };
  }

  phone(): string {
    return this.unique(() => `1${this.random.pick(['3', '5', '7', '8', '9'])}${this.random.digits(9)}`);
  }

  /** A GB 32100 code of a company (登记管理部门 9, 类别 1) registered in `regionCode`. */
  creditCode(regionCode: string): string {
    return this.unique(() => {
      let organisation = '';
      for (let i = 0; i < 9; i += 1) organisation += this.random.pick([...CREDIT_CHARSET]);
      const first17 = `91${regionCode}${organisation}`;
      return first17 + creditCodeCheckChar(first17);
    });
  }

  contractorName(): string {
    const kind = () => this.random.pick(['建工集团', '建设工程', '建筑工程', '建设集团']);
    return this.unique(() => `厦门${this.random.pick(FIRMS)}${kind()}有限公司`, 20);
  }

  ownerName(): string {
    return `厦门${this.random.pick(FIRMS)}${this.random.pick(OWNERS)}`;
  }

  projectName(): string {
    return this.unique(
      () =>
        `${this.random.pick(CITY_PARTS)}${this.random.pick(WORKS)}${this.random.pick(['一期', '二期', '三期', ''])}工程`,
      20,
    );
  }

  /** A value not handed out before; after `attempts` tries a counter makes it unique (names run out first). */
  private unique(make: () => string, attempts = 1000): string {
    for (let i = 0; i < attempts; i += 1) {
      const value = make();
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
    const value = `${make()}${this.used.size}`;
    this.used.add(value);
    return value;
  }
}

/** The Luhn (mod 10) check digit that bank card numbers end with. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}
