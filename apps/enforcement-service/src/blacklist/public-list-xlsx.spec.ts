import ExcelJS from 'exceljs';
import { publicListWorkbook } from './public-list-xlsx';

describe('publicListWorkbook', () => {
  it('writes one row per listing, as text, persons masked', async () => {
    const buffer = await publicListWorkbook(
      [
        {
          employerName: '=cmd|"/c calc"!A1',
          creditCode: '91350206MA31XM5K8N',
          reason: '拖欠农民工工资',
          decidedOn: '2026-06-16',
          listedUntil: '2029-06-15',
          persons: [{ name: '王**', role: 'LEGAL_REPRESENTATIVE' }],
        },
      ],
      '2026-12-02',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    expect(row.getCell(1).value).toBe(`'=cmd|"/c calc"!A1`);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(6).value).toBe('王**（法定代表人）');
  });
});
