import ExcelJS from 'exceljs';

/**
 * Text a spreadsheet could take for a formula (= + - @, or a tab or carriage return before one) gets a leading
 * apostrophe, so that an employer's name like `=HYPERLINK(...)` opens as the text it is (CSV/formula injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface PublicListing {
  employerName: string;
  creditCode: string;
  reason: string;
  decidedOn: string;
  listedUntil: string;
  persons: { name: string; role: string }[];
}

const ROLE_TEXT: Record<string, string> = {
  LEGAL_REPRESENTATIVE: '法定代表人',
  RESPONSIBLE_MANAGER: '负有直接责任的管理人员',
};

/** 拖欠农民工工资失信联合惩戒对象名单 as an XLSX workbook: one row per listing, persons masked. */
export async function publicListWorkbook(listings: readonly PublicListing[], asOf: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wage-guard';
  const sheet = workbook.addWorksheet('失信联合惩戒对象名单');
  sheet.columns = [
    { header: '用人单位名称', key: 'employerName', width: 36 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '列入事由', key: 'reason', width: 40 },
    { header: '列入日期', key: 'decidedOn', width: 12 },
    { header: '列入期限至', key: 'listedUntil', width: 12 },
    { header: '相关责任人', key: 'persons', width: 36 },
  ];
  for (const l of listings)
    sheet.addRow({
      employerName: neutraliseFormula(l.employerName),
      creditCode: l.creditCode,
      reason: neutraliseFormula(l.reason),
      decidedOn: l.decidedOn,
      listedUntil: l.listedUntil,
      persons: neutraliseFormula(
        l.persons.map((p) => `${p.name}（${ROLE_TEXT[p.role] ?? p.role}）`).join('、'),
      ),
    });
  sheet.addRow([]);
  sheet.addRow([`截至${asOf}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
