import ExcelJS from 'exceljs';
import { writeXlsx } from './xlsx-export';

describe('writeXlsx', () => {
  // Found by the attack pass (issue 16 item 12): formula text must be neutralised in every export.
  it('writes formula text as neutralised text, never as a formula, and numbers as numbers', async () => {
    const buffer = await writeXlsx([
      {
        name: '预警/列表',
        header: ['项目', '备注', '金额'],
        rows: [
          ['P-1', "=CMD|' /C calc'!A0", -500],
          ['P-2', '=HYPERLINK("http://evil.example","点击")', 12345.67],
          ['P-3', '\t@SUM(A1)', null],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('预警_列表');
    const cells: { type: ExcelJS.ValueType; value: unknown }[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ type: cell.type, value: cell.value })));
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(sheet.getCell('B2').value).toBe("'=CMD|' /C calc'!A0");
    expect(sheet.getCell('B3').value).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect(sheet.getCell('B4').value).toBe("'\t@SUM(A1)");
    expect(sheet.getCell('C2').value).toBe(-500);
    expect(sheet.getCell('C3').value).toBe(12345.67);
    expect(sheet.getCell('A1').value).toBe('项目');
  });
});
