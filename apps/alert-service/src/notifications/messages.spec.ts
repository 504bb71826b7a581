import { ALERT_CATALOGUE, ALERT_CODES, alertKey, type AlertCode } from '@wage/contracts';
import type { AlertCase } from '../alerts/alert.repository';
import {
  composeMessage,
  composeVerificationMessage,
  reopenedReason,
  type VerificationNotice,
} from './messages';

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

  const notice: VerificationNotice = {
    verificationId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    subject: 'ALERT',
    alertKey: alertKey('WAGE_ARREARS', 'P-1', '2026-10'),
    code: 'WAGE_ARREARS',
    severity: 'ORANGE',
    complaintId: null,
    projectCode: 'P-1',
    gridCode: '350206001',
    regionCode: '350206',
    requestedAt: '2026-12-01T01:00:00.000Z',
    dueBy: '2026-12-04',
    workingDaysOverdue: null,
  };

  it('asks for a verification in Chinese: what, the project, the grid by name, the due date', () => {
    const message = composeVerificationMessage('verification.requested', notice, 'http://console/alerts/1');
    expect(message.subject).toBe('【工资支付监控】请核实：【橙色】欠薪预警（项目 P-1）');
    expect(message.text).toContain('福建省厦门市湖里区湖里街道（网格 350206001）');
    expect(message.text).toContain('请于 2026-12-04 前到现场核实');
    expect(message.markdown).toContain('[查看](http://console/alerts/1)');
  });

  it('says an overdue verification of a complaint: the grid, what, since when', () => {
    const message = composeVerificationMessage(
      'verification.overdue',
      {
        ...notice,
        subject: 'COMPLAINT',
        alertKey: null,
        code: null,
        severity: null,
        complaintId: 'c-1',
        workingDaysOverdue: 3,
      },
      'http://console',
    );
    expect(message.subject).toBe('【工资支付监控】核实逾期：投诉/线索 c-1（项目 P-1）');
    expect(message.text).toContain(
      '湖里街道（网格 350206001）：投诉/线索 c-1（项目 P-1）应于 2026-12-04 前核实',
    );
    expect(message.text).toContain('自 2026-12-04 次日起已逾期 3 个工作日仍未核实');
    expect(message.text).toContain('3 working day(s) overdue');
  });
});
