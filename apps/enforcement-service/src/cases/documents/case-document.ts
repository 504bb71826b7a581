import {
  dateInShanghai,
  formatYuan,
  PENALTY_RANGES,
  redactSensitive,
  regionFullName,
  regionName,
  type PenaltyArticle,
} from '@wage/domain';
import type { ActionRow, CaseRow } from '../case-view';

/** What one action's document says, laid out by `renderCaseDocument`: a pure function of the case and the action. */
export interface CaseDocument {
  /** 文书名称, e.g. 劳动保障监察限期改正指令书. */
  title: string;
  /** 文号 as the inspector recorded it, or a line that says it is missing. */
  documentNo: string;
  /** To whom it is addressed, ending in a full-width colon. */
  addressee: string;
  paragraphs: string[];
  /** The issuing authority: the case's district labour bureau. */
  issuer: string;
  /** The action's date, as a document writes it: 2026年10月12日. */
  date: string;
  /** Who handled it and where the record is kept. */
  footer: string;
}

/** The document each kind of action produces (the titles of the MOHRSS model documents). */
export const DOCUMENT_TITLES: Readonly<Record<string, string>> = {
  SUMMONS: '劳动保障监察询问通知书',
  SITE_INSPECTION: '劳动保障监察现场检查笔录',
  RECTIFICATION_ORDER: '劳动保障监察限期改正指令书',
  HANDLING_DECISION: '劳动保障监察行政处理决定书',
  PENALTY: '劳动保障监察行政处罚决定书',
  EXTRA_COMPENSATION: '加付赔偿金决定书',
  TRANSFER_POLICE: '涉嫌犯罪案件移送书',
  TRANSFER_DEPARTMENT: '案件移送函',
  EXTENSION: '劳动保障监察案件延期审批表',
};

const ORDER_423 = '《劳动保障监察条例》';
const RIGHTS =
  '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。' +
  '申请行政复议或者提起行政诉讼期间，本决定不停止执行。';

/** 2026-10-12 → 2026年10月12日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 350206 → 厦门市湖里区人力资源和社会保障局; a municipality keeps its name (北京市朝阳区…). */
export function issuingBureau(regionCode: string): string {
  const full = regionFullName(regionCode) ?? regionCode;
  const province = regionName(`${regionCode.slice(0, 2)}0000`);
  const city = regionName(`${regionCode.slice(0, 4)}00`);
  const local =
    province && city && city !== province && full.startsWith(province) ? full.slice(province.length) : full;
  return `${local}人力资源和社会保障局`;
}

const yuan = (fen: string | null) => (fen === null ? null : `${formatYuan(Number(fen))}元`);
/** Free text as the inspector wrote it, with any identity or card number masked and a closing full stop. */
const sentence = (text: string) => {
  const clean = redactSensitive(text.trim());
  return /[。！？.!?]$/.test(clean) ? clean : `${clean}。`;
};

/**
 * The document of `action` on case `row`: addressed to the employer (to the police or another department for a
 * transfer), stating what was found, the legal basis, the amount and deadline the action carries, and for a
 * decision the employer's rights of review. It names no complainant: a report's source is confidential.
 */
export function caseDocument(row: CaseRow, action: ActionRow, projectName?: string): CaseDocument {
  const employer = row.employer_credit_code
    ? `${row.employer_name}（统一社会信用代码：${row.employer_credit_code}）`
    : row.employer_name;
  const where = row.project_code
    ? `在${projectName ? `“${projectName}”` : ''}项目（项目编号${row.project_code}）中`
    : '';
  const found = `经查，你单位${where}存在以下问题：${sentence(row.summary)}`;
  const amount = yuan(action.amount_fen);
  const deadline = action.deadline ? chineseDate(action.deadline) : null;
  const at = chineseDate(dateInShanghai(action.at));
  const note = sentence(action.note);
  const paragraphs: string[] = [];
  let addressee = `${employer}：`;

  switch (action.kind) {
    case 'SUMMONS':
      paragraphs.push(
        `因调查你单位${where}涉嫌拖欠农民工工资一案，根据${ORDER_423}第十五条的规定，请你单位法定代表人或者委托代理人` +
          `持本通知书及授权委托书接受询问。`,
        note,
        '届时请携带营业执照副本、劳动合同、考勤记录、工资支付表及银行代发凭证等材料。无正当理由拒不接受询问的，' +
          `依照${ORDER_423}第三十条的规定处理。`,
      );
      break;
    case 'SITE_INSPECTION':
      addressee = `被检查单位：${employer}`;
      paragraphs.push(`检查时间：${at}。`, `检查情况：${note}`);
      break;
    case 'RECTIFICATION_ORDER':
      paragraphs.push(
        found,
        `根据${ORDER_423}第二十六条和《保障农民工工资支付条例》的规定，责令你单位` +
          `${deadline ? `于${deadline}前` : '限期'}改正：${note}`,
        ...(amount ? [`应支付的工资报酬：${amount}。`] : []),
        '逾期不改正的，本局将依法作出行政处理或者行政处罚决定，并可以责令你单位按应付金额百分之五十以上一倍以下的标准' +
          '向劳动者加付赔偿金。',
      );
      break;
    case 'HANDLING_DECISION':
      paragraphs.push(
        found,
        `根据${ORDER_423}第二十六条的规定，本局决定：${note}`,
        ...(amount ? [`应支付的工资报酬：${amount}。`] : []),
        RIGHTS,
      );
      break;
    case 'PENALTY': {
      const basis = action.article
        ? PENALTY_RANGES[action.article as PenaltyArticle].basis
        : '《保障农民工工资支付条例》';
      paragraphs.push(
        found,
        `根据${basis}的规定，本局决定给予你单位罚款人民币${amount ?? '（金额未记录）'}的行政处罚。${note}`,
        '请于收到本决定书之日起十五日内将罚款缴至指定银行；逾期不缴纳的，每日按罚款数额的百分之三加处罚款。',
        RIGHTS,
      );
      break;
    }
    case 'EXTRA_COMPENSATION':
      paragraphs.push(
        found,
        `你单位未在本局责令的期限内支付劳动者工资报酬。根据${ORDER_423}第二十六条的规定，本局决定责令你单位向劳动者` +
          `加付赔偿金${amount ?? '（金额未记录）'}。${note}`,
        RIGHTS,
      );
      break;
    case 'TRANSFER_POLICE':
      addressee = '公安机关：';
      paragraphs.push(
        `${employer}${where}拖欠劳动者劳动报酬，经本局责令支付仍不支付，涉嫌拒不支付劳动报酬罪。`,
        `根据《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号），现将该案移送你局依法处理。${note}`,
        '随附：案件调查材料及证据清单。',
      );
      break;
    case 'TRANSFER_DEPARTMENT':
      addressee = '有关部门：';
      paragraphs.push(`${employer}${where}的案件，经审查不属于本局管辖，现移送你单位处理。`, note);
      break;
    case 'EXTENSION':
      addressee = `${employer}一案：`;
      paragraphs.push(
        `本案于${chineseDate(row.opened_on)}立案，${row.summary ? sentence(row.summary) : ''}`,
        `因情况复杂，根据${ORDER_423}第十七条的规定，经本局负责人批准，延长办理期限三十个工作日，` +
          `延长后的办结期限为${chineseDate(row.close_by)}。理由：${note}`,
      );
      break;
    default:
      paragraphs.push(found, note);
  }

  return {
    title: DOCUMENT_TITLES[action.kind] ?? '劳动保障监察文书',
    documentNo: action.document_no ? `文号：${action.document_no}` : '文号：（未填写）',
    addressee,
    paragraphs,
    issuer: issuingBureau(row.region_code),
    date: at,
    footer: `承办人：${action.actor}\u3000案件编号：${row.id}`,
  };
}
