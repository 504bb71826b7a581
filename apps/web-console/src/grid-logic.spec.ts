import { alertKeyOf, isOverdue, monthRange, sniffImageType, toVerify } from './grid-logic';

type Alert = Parameters<typeof toVerify>[0][number] & { status: string; regionCode: string };
type Verification = Parameters<typeof toVerify>[1][number] & Record<string, unknown>;

const alert = (over: Partial<Alert>): Alert => ({
  id: 'a1',
  code: 'WAGE_ARREARS',
  severity: 'RED',
  status: 'OPEN',
  projectCode: 'XM-1',
  regionCode: '350206',
  month: '2026-10',
  ...over,
});

const request = (over: Partial<Verification>): Verification => ({
  id: 'v1',
  subject: 'ALERT',
  gridCode: '350206001',
  regionCode: '350206',
  requestedAt: '2026-11-02T01:00:00.000Z',
  dueBy: '2026-11-05',
  status: 'OPEN',
  ...over,
});

describe('the grid pages', () => {
  it("computes an alert's key as libs/contracts does: code:project[:month]", () => {
    expect(alertKeyOf(alert({}))).toBe('WAGE_ARREARS:XM-1:2026-10');
    expect(alertKeyOf(alert({ code: 'NO_WAGE_ACCOUNT', month: null }))).toBe('NO_WAGE_ACCOUNT:XM-1');
  });

  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBP');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns='))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('joins open alerts to their requests by alertKey, requested ones first by due date, then complaints', () => {
    const items = toVerify(
      [
        alert({ id: 'plain', code: 'REAL_NAME_GAP', severity: 'YELLOW', month: null }),
        alert({ id: 'late', projectCode: 'XM-2' }),
        alert({ id: 'soon', code: 'WAGE_UNDERPAID', severity: 'ORANGE' }),
      ],
      [
        request({ id: 'r-soon', alertKey: 'WAGE_UNDERPAID:XM-1:2026-10', dueBy: '2026-11-04' }),
        request({
          id: 'r-late',
          alertKey: 'WAGE_ARREARS:XM-2:2026-10',
          dueBy: '2026-11-06',
          status: 'ESCALATED',
        }),
        request({ id: 'r-done', alertKey: 'REAL_NAME_GAP:XM-1', status: 'DONE' }),
        request({
          id: 'r-c',
          subject: 'COMPLAINT',
          complaintId: 'c1',
          projectCode: 'XM-3',
          dueBy: '2026-11-05',
        }),
      ],
    );
    expect(items.map((i) => [i.key, i.request?.id])).toEqual([
      ['alert:soon', 'r-soon'],
      ['complaint:c1', 'r-c'],
      ['alert:late', 'r-late'],
      ['alert:plain', undefined],
    ]);
  });

  it('marks a request overdue after its due date or once escalated', () => {
    expect(isOverdue(request({ dueBy: '2026-11-05' }), '2026-11-05')).toBe(false);
    expect(isOverdue(request({ dueBy: '2026-11-05' }), '2026-11-06')).toBe(true);
    expect(isOverdue(request({ status: 'ESCALATED', dueBy: '2026-11-09' }), '2026-11-06')).toBe(true);
    expect(isOverdue(undefined, '2026-11-06')).toBe(false);
  });

  it("gives a month's first and last day", () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
