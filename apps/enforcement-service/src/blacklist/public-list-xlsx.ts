import { writeXlsx } from '@wage/platform';

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

/**
 * 拖欠农民工工资失信联合惩戒对象名单 as an XLSX workbook: one row per listing, persons masked, every cell written by the
 * platform's export (formula text neutralised, so an employer named `=HYPERLINK(...)` opens as the text it is).
 */
export function publicListWorkbook(listings: readonly PublicListing[], asOf: string): Promise<Buffer> {
  return writeXlsx([
    {
      name: '失信联合惩戒对象名单',
      header: ['用人单位名称', '统一社会信用代码', '列入事由', '列入日期', '列入期限至', '相关责任人'],
      rows: [
        ...listings.map((l) => [
          l.employerName,
          l.creditCode,
          l.reason,
          l.decidedOn,
          l.listedUntil,
          l.persons.map((p) => `${p.name}（${ROLE_TEXT[p.role] ?? p.role}）`).join('、'),
        ]),
        [],
        [`截至${asOf}`],
      ],
    },
  ]);
}
