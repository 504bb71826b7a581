import { ALERT_CATALOGUE, ALERT_CODES, alertKey, type AlertCode } from '@wage/contracts';
import type { AlertCase } from '../alerts/alert-repository';
import { composeMessage, reopenedReason } from './messages';

const alert = (code: AlertCode): AlertCase => ({
  id: '3d0c7a52-1f6e-4b8a-9c2d-5e7f8a9b0c1d',
  alertKey: alertKey(code, 'P-1', '2026-10'),
  code,
  severity: 'ORANGE',
  status: 'OPEN',
  projectCode: 'P-1',
  regionCode: '350206',
  gridCode: null,
  month: '2026-10',
  title: '项目 P-1 预警',
  evidence: { workersAffected: 0, workers: [], amounts: {}, transactions: [], parameters: {}, facts: {} },
  raisedAt: new Date('2026-11-20T02:00:00Z'),
  updatedAt: new Date('2026-11-20T02:00:00Z'),
  clearedAt: null,
  assignee: null,
  detectedAt: new Date('2026-11-20T02:00:00Z'),
  raiseCount: 1,
  severitySince: new Date('2026-11-20T02:00:00Z'),
  escalatedSeverity: null,
  sourceRecordedAt: null,
  resolvedSeverity: null,
});

describe('notification messages', () => {
  it.each(ALERT_CODES)('names %s by its catalogue name', (code) => {
    const message = composeMessage('alert.raised', [alert(code)], 'http://console');
    expect(message.text).toContain(ALERT_CATALOGUE[code].name);
    expect(message.markdown).toContain(ALERT_CATALOGUE[code].name);
  });

  it('names the region of the alert as GB/T 2260 does, and a code it does not know by the code', () => {
    const message = composeMessage('alert.raised', [alert('WAGE_ARREARS')], 'http://console');
    expect(message.text).toContain('项目 P-1，福建省厦门市湖里区，2026-10');
    expect(message.markdown).toContain('福建省厦门市湖里区');
    const unknown = composeMessage('alert.raised', [{ ...alert('WAGE_ARREARS'), regionCode: '350299' }], 'x');
    expect(unknown.text).toContain('项目 P-1，350299，2026-10');
  });

  it('says a resolved alert was reopened because its severity rose', () => {
    const message = composeMessage(
      'alert.updated',
      [alert('WAGE_ARREARS')],
      'http://console',
      reopenedReason(1, 'ORANGE'),
    );
    expect(message.subject).toContain('已办结的预警因严重程度升高重新打开');
    expect(message.text).toContain('reopened: the severity rose after the alert was resolved');
    expect(composeMessage('alert.updated', [alert('WAGE_ARREARS')], 'http://console').text).not.toContain(
      'reopened',
    );
  });
});
