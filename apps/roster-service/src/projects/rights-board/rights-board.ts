import {
  NATIONAL_REGION,
  formatYuan,
  regionChain,
  regionFullName,
  regionName,
  type Fen,
  type IsoDate,
  type RegionCode,
} from '@wage/domain';
import type { ProjectRecord } from '../project.repository';

/** One line of the board: a label and what it says. */
export interface BoardLine {
  label: string;
  text: string;
}

/**
 * What the rights-information board (维权信息告示牌) of a project says, as Art. 34 of the Regulations on Ensuring
 * Payment of Wages to Migrant Workers lists it: the parties and the labour manager, the local minimum wage and the
 * payday, and where to complain. Companies only: no person's identity or phone number is on it.
 */
export interface RightsBoard {
  title: string;
  basis: string;
  project: BoardLine[];
  pay: BoardLine[];
  channels: BoardLine[];
  workerPageUrl: string;
  qrCaption: string;
  footer: string;
}

/** The most specific figure for the region: 350206, then 350200, 350000, then the national one. */
export function minimumMonthlyWage(table: Readonly<Record<RegionCode, Fen>>, regionCode: RegionCode): Fen {
  for (const region of [...regionChain(regionCode), NATIONAL_REGION]) {
    const fen = table[region];
    if (fen !== undefined) return fen;
  }
  throw new Error(`no minimum wage for ${regionCode} and no national figure`);
}

/** 350206 → 厦门市湖里区 (the province left out, as local offices are named; a municipality keeps its name). */
export function localName(regionCode: RegionCode): string {
  const full = regionFullName(regionCode) ?? regionCode;
  const province = regionName(`${regionCode.slice(0, 2)}0000`);
  const city = regionName(`${regionCode.slice(0, 4)}00`);
  return province && city && city !== province && full.startsWith(province)
    ? full.slice(province.length)
    : full;
}

/** 203000 → "2030", 203050 → "2030.50". */
function yuanText(fen: Fen): string {
  return formatYuan(fen).replace(/\.00$/, '');
}

function company(name: string, creditCode: string | null): string {
  return creditCode ? `${name}（统一社会信用代码：${creditCode}）` : name;
}

export function rightsBoard(
  project: ProjectRecord,
  settings: { workerPageUrl: string; minimumMonthlyWages: Readonly<Record<RegionCode, Fen>> },
  today: IsoDate,
): RightsBoard {
  const local = localName(project.regionCode);
  const bureau = `${local}人力资源和社会保障局`;
  const wage = minimumMonthlyWage(settings.minimumMonthlyWages, project.regionCode);
  return {
    title: '农民工工资维权信息告示牌',
    basis: '依据《保障农民工工资支付条例》第三十四条设立',
    project: [
      { label: '项目名称', text: `${project.name}（项目编号：${project.code}）` },
      { label: '项目所在地', text: regionFullName(project.regionCode) ?? project.regionCode },
      { label: '建设单位', text: company(project.ownerName, project.ownerCreditCode) },
      { label: '施工总承包单位', text: company(project.contractorName, project.contractorCreditCode) },
      // The registration does not name one yet; the board says so instead of leaving the line out.
      { label: '劳资专管员', text: '未在平台登记，请向施工总承包单位项目部询问' },
      { label: '行业工程建设主管部门', text: `${local}住房和城乡建设主管部门` },
    ],
    pay: [
      {
        label: '工资支付日',
        text: `每月${project.payday}日支付上月工资；遇法定节假日或休息日，提前到最近的工作日支付`,
      },
      {
        label: '支付方式',
        text:
          '由施工总承包单位通过农民工工资专用账户直接发放到本人银行账户；任何单位和个人不得扣押或变相扣押本人的银行卡、' +
          '社会保障卡',
      },
      {
        label: '当地最低工资标准',
        text: `每月${yuanText(wage)}元（以当地人力资源和社会保障部门公布的标准为准）`,
      },
    ],
    channels: [
      { label: '劳动保障监察投诉举报', text: `人社服务热线 12333；${bureau}（劳动保障监察）` },
      { label: '劳动争议调解仲裁', text: `${local}劳动人事争议仲裁委员会` },
      { label: '法律援助、公共法律服务', text: '公共法律服务热线 12348' },
      {
        label: '农民工工资服务',
        text: '扫描二维码或访问下面的网址，用身份证号和登记的手机号登录：查看本人工资、确认或反映问题、投诉欠薪',
      },
    ],
    workerPageUrl: settings.workerPageUrl,
    qrCaption: '扫码查工资 · 投诉欠薪',
    footer: `施工总承包单位应将本告示牌设在施工现场醒目位置，内容变化时及时更新。本告示牌由农民工工资支付监控平台生成（${today}）。`,
  };
}
