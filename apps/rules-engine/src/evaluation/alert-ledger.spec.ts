import type { EntityManager } from 'typeorm';
import {
  AlertCleared,
  AlertRaised,
  AlertSuppressed,
  AlertUpdated,
  type EventContract,
} from '@wage/contracts';
import { finding, type Finding, type ParameterSource, type Severity } from '@wage/domain';
import type { NewEvent, OutboxWriter } from '@wage/platform';
import { AlertLedger, type RuleVerdict } from './alert-ledger';
import type { AlertChange, AlertRecord, AlertsRepository } from './alerts.repository';

const project = { code: 'P-0001', regionCode: '350206' };
const KEY = 'WAGE_ARREARS:P-0001:2026-09';
const manager = {} as EntityManager;
const asOf = new Date('2026-10-20T04:00:00Z');
const NATIONAL: ParameterSource = { kind: 'NATIONAL_DEFAULT' };
const XIAMEN: ParameterSource = {
  kind: 'OVERRIDE',
  regionCode: '350200',
  ruleCode: 'WAGE_ARREARS',
  effectiveFrom: '2026-01-01',
};

function arrears(severity: Severity, daysOverdue = 3, unpaidWorkers = 1): Finding {
  return finding({
    code: 'WAGE_ARREARS',
    severity,
    month: '2026-09',
    title: '欠薪',
    workersAffected: unpaidWorkers,
    amounts: { unpaidFen: 500_000 * unpaidWorkers },
    parameters: { graceDays: 5, orangeDaysOverdue: 15 },
    facts: { deadline: '2026-10-20', daysOverdue },
  });
}

function verdict(found: Finding | null, overrides: Partial<RuleVerdict> = {}): RuleVerdict {
  return {
    code: 'WAGE_ARREARS',
    month: '2026-09',
    finding: found,
    suppression: { suppressed: false },
    parameterSources: { graceDays: XIAMEN, orangeDaysOverdue: NATIONAL },
    ...overrides,
  };
}

/** The ledger with its ports replaced: the alert table and the outbox; absence verdicts raise at once by default. */
function newTestLedger(settleSeconds = 0) {
  const mocks = {
    alerts: {
      lockForUpdate: jest
        .fn<Promise<AlertRecord[]>, [EntityManager, readonly string[]]>()
        .mockResolvedValue([]),
      open: jest.fn<Promise<void>, [EntityManager, AlertChange, Date]>().mockResolvedValue(),
      update: jest.fn<Promise<void>, [EntityManager, AlertChange]>().mockResolvedValue(),
      clear: jest.fn<Promise<void>, [EntityManager, string, Date]>().mockResolvedValue(),
      holdPending: jest.fn<Promise<void>, [EntityManager, AlertChange, Date]>().mockResolvedValue(),
      touchPending: jest.fn<Promise<void>, [EntityManager, AlertChange]>().mockResolvedValue(),
      endPending: jest.fn<Promise<void>, [EntityManager, string]>().mockResolvedValue(),
      recordSuppression: jest
        .fn<Promise<boolean>, [EntityManager, string, string, Date]>()
        .mockResolvedValue(true),
    },
    outbox: { append: jest.fn<Promise<unknown[]>, [EntityManager, NewEvent[]]>().mockResolvedValue([]) },
  };
  const sut = new AlertLedger(
    mocks.alerts as unknown as AlertsRepository,
    mocks.outbox as unknown as OutboxWriter,
    { settleSeconds },
  );
  return { sut, mocks };
}

/** The events appended to the outbox, each checked against its contract as the real outbox would. */
function appended(outbox: { append: jest.Mock }) {
  const events = outbox.append.mock.calls.flatMap(([, batch]) => batch as NewEvent[]);
  return events.map((event) => ({
    type: (event.contract as EventContract).type,
    data: (event.contract as EventContract).schema.parse(event.data) as Record<string, unknown>,
  }));
}

/** The record the ledger would have stored when it opened the alert for `found`. */
async function recordOf(found: Finding, overrides: Partial<AlertRecord> = {}): Promise<AlertRecord> {
  const { sut, mocks } = newTestLedger();
  await sut.reconcile(manager, project, [verdict(found)], new Date('2026-10-18T04:00:00Z'));
  const [, change, raisedAt] = mocks.alerts.open.mock.calls[0];
  return {
    alertKey: change.alertKey,
    severity: change.severity,
    status: 'OPEN',
    evidenceHash: change.evidenceHash,
    evidence: change.evidence,
    title: change.title,
    raisedAt,
    pendingSince: null,
    ...overrides,
  };
}

describe('AlertLedger.reconcile', () => {
  it('raises a new finding, with the rule version and each parameter with its source in the evidence', async () => {
    const { sut, mocks } = newTestLedger();
    const counts = await sut.reconcile(manager, project, [verdict(arrears('YELLOW'))], asOf);

    expect(counts).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect(mocks.alerts.lockForUpdate).toHaveBeenCalledWith(manager, [KEY]);
    expect(mocks.alerts.open).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({ alertKey: KEY, code: 'WAGE_ARREARS', severity: 'YELLOW', month: '2026-09' }),
      asOf,
    );
    const [raised] = appended(mocks.outbox);
    expect(raised.type).toBe(AlertRaised.type);
    expect(raised.data).toMatchObject({
      alertKey: KEY,
      severity: 'YELLOW',
      regionCode: '350206',
      detectedAt: asOf.toISOString(),
      evidence: {
        parameters: { graceDays: 5, orangeDaysOverdue: 15 },
        facts: {
          ruleVersion: 1,
          parameterSources: { graceDays: XIAMEN, orangeDaysOverdue: NATIONAL },
        },
      },
    });
  });

  it('publishes nothing when the same finding is evaluated again, even a day later', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW', 3))]);

    // Only daysOverdue moved (3 → 4): the alert's evidence is unchanged.
    const counts = await sut.reconcile(manager, project, [verdict(arrears('YELLOW', 4))], asOf);

    expect(counts).toEqual({ raised: 0, updated: 0, cleared: 0 });
    expect(mocks.alerts.open).not.toHaveBeenCalled();
    expect(mocks.alerts.update).not.toHaveBeenCalled();
    expect(appended(mocks.outbox)).toEqual([]);
  });

  it('updates an open alert whose severity changed, naming the previous severity', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW'))]);

    const counts = await sut.reconcile(manager, project, [verdict(arrears('ORANGE'))], asOf);

    expect(counts).toEqual({ raised: 0, updated: 1, cleared: 0 });
    expect(mocks.alerts.update).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({ alertKey: KEY, severity: 'ORANGE' }),
    );
    const events = appended(mocks.outbox);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: AlertUpdated.type,
      data: { alertKey: KEY, severity: 'ORANGE', previousSeverity: 'YELLOW' },
    });
  });

  it('updates an open alert whose evidence changed at the same severity', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW', 3, 1))]);

    await sut.reconcile(manager, project, [verdict(arrears('YELLOW', 3, 2))], asOf);

    expect(appended(mocks.outbox)).toEqual([
      expect.objectContaining({
        type: AlertUpdated.type,
        data: expect.objectContaining({ severity: 'YELLOW', previousSeverity: 'YELLOW' }),
      }),
    ]);
  });

  it('clears an open alert whose finding is gone, with the evidence it was raised on and its duration', async () => {
    const { sut, mocks } = newTestLedger();
    const open = await recordOf(arrears('ORANGE'));
    mocks.alerts.lockForUpdate.mockResolvedValue([open]);

    const counts = await sut.reconcile(manager, project, [verdict(null)], asOf);

    expect(counts).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect(mocks.alerts.clear).toHaveBeenCalledWith(manager, KEY, asOf);
    const [cleared] = appended(mocks.outbox);
    expect(cleared).toMatchObject({
      type: AlertCleared.type,
      data: {
        alertKey: KEY,
        severity: 'ORANGE',
        evidence: open.evidence,
        raisedAt: '2026-10-18T04:00:00.000Z',
        clearedAt: asOf.toISOString(),
        // 18 Oct 04:00 → 20 Oct 04:00: two days.
        durationSeconds: 2 * 86_400,
      },
    });
  });

  it('does nothing for a gone finding whose alert is already cleared or was never raised', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('ORANGE'), { status: 'CLEARED' })]);

    const counts = await sut.reconcile(
      manager,
      project,
      [verdict(null), verdict(null, { code: 'FUNDS_DIVERTED' })],
      asOf,
    );

    expect(counts).toEqual({ raised: 0, updated: 0, cleared: 0 });
    expect(mocks.alerts.clear).not.toHaveBeenCalled();
    expect(appended(mocks.outbox)).toEqual([]);
  });

  it('raises again under the same key when a cleared condition comes back', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW'), { status: 'CLEARED' })]);

    const counts = await sut.reconcile(manager, project, [verdict(arrears('YELLOW'))], asOf);

    expect(counts).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect(mocks.alerts.open).toHaveBeenCalledTimes(1);
    expect(appended(mocks.outbox).map((e) => e.type)).toEqual([AlertRaised.type]);
  });

  it('records a suppressed finding once per project status, and neither raises nor clears for it', async () => {
    const { sut, mocks } = newTestLedger();
    const suppressed = verdict(
      finding({
        code: 'REAL_NAME_GAP',
        severity: 'YELLOW',
        month: '2026-09',
        title: '实名制缺失',
        parameters: {},
      }),
      {
        code: 'REAL_NAME_GAP',
        suppression: {
          suppressed: true,
          status: 'SUSPENDED',
          since: '2026-09-10',
          reason: 'project suspended since 2026-09-10',
        },
      },
    );

    const first = await sut.reconcile(manager, project, [suppressed], asOf);
    mocks.alerts.recordSuppression.mockResolvedValue(false);
    const second = await sut.reconcile(manager, project, [suppressed], asOf);

    expect(first).toEqual({ raised: 0, updated: 0, cleared: 0 });
    expect(second).toEqual(first);
    expect(mocks.alerts.recordSuppression).toHaveBeenCalledWith(
      manager,
      'REAL_NAME_GAP:P-0001:2026-09',
      'SUSPENDED',
      asOf,
    );
    expect(mocks.alerts.open).not.toHaveBeenCalled();
    const events = appended(mocks.outbox);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: AlertSuppressed.type,
      data: {
        projectStatus: 'SUSPENDED',
        evidence: { facts: { suppressedBecause: 'project suspended since 2026-09-10' } },
      },
    });
  });

  it('handles several rules in one pass and appends their events in one batch', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW'))]);
    const diverted = finding({
      code: 'FUNDS_DIVERTED',
      severity: 'RED',
      month: '2026-09',
      title: '挪用',
      parameters: {},
    });

    const counts = await sut.reconcile(
      manager,
      project,
      [verdict(null), verdict(diverted, { code: 'FUNDS_DIVERTED', parameterSources: {} })],
      asOf,
    );

    expect(counts).toEqual({ raised: 1, updated: 0, cleared: 1 });
    expect(mocks.outbox.append).toHaveBeenCalledTimes(1);
    expect(appended(mocks.outbox).map((e) => [e.type, e.data.alertKey])).toEqual([
      [AlertCleared.type, KEY],
      [AlertRaised.type, 'FUNDS_DIVERTED:P-0001:2026-09'],
    ]);
  });
});

describe('AlertLedger.reconcile with a settle period (absence rules)', () => {
  const SETTLE = 900;
  const later = (seconds: number) => new Date(asOf.getTime() + seconds * 1000);

  it('holds a new absence verdict as pending and publishes nothing', async () => {
    const { sut, mocks } = newTestLedger(SETTLE);
    const counts = await sut.reconcile(manager, project, [verdict(arrears('YELLOW'))], asOf);
    expect(counts).toEqual({ raised: 0, updated: 0, cleared: 0 });
    expect(mocks.alerts.holdPending).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({ alertKey: KEY }),
      asOf,
    );
    expect(mocks.alerts.open).not.toHaveBeenCalled();
    expect(appended(mocks.outbox)).toEqual([]);
  });

  it('forgets a pending verdict that data end within the period: nothing is ever published', async () => {
    const { sut, mocks } = newTestLedger(SETTLE);
    const pending = await recordOf(arrears('YELLOW'), {
      status: 'PENDING',
      raisedAt: null,
      pendingSince: asOf,
    });
    mocks.alerts.lockForUpdate.mockResolvedValue([pending]);
    const counts = await sut.reconcile(manager, project, [verdict(null)], later(60));
    expect(counts).toEqual({ raised: 0, updated: 0, cleared: 0 });
    expect(mocks.alerts.endPending).toHaveBeenCalledWith(manager, KEY);
    expect(mocks.alerts.clear).not.toHaveBeenCalled();
    expect(appended(mocks.outbox)).toEqual([]);
  });

  it('keeps waiting while the period has not passed (899 s), and raises once it has (900 s)', async () => {
    const { sut, mocks } = newTestLedger(SETTLE);
    const pending = await recordOf(arrears('YELLOW'), {
      status: 'PENDING',
      raisedAt: null,
      pendingSince: asOf,
    });
    mocks.alerts.lockForUpdate.mockResolvedValue([pending]);
    expect(await sut.reconcile(manager, project, [verdict(arrears('YELLOW'))], later(899))).toEqual({
      raised: 0,
      updated: 0,
      cleared: 0,
    });
    expect(mocks.alerts.touchPending).toHaveBeenCalledTimes(1);
    expect(await sut.reconcile(manager, project, [verdict(arrears('YELLOW'))], later(900))).toEqual({
      raised: 1,
      updated: 0,
      cleared: 0,
    });
    expect(mocks.alerts.open).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({ alertKey: KEY }),
      later(900),
    );
    expect(appended(mocks.outbox).map((e) => e.type)).toEqual(['AlertRaised']);
  });

  it('raises an evidence rule at once whatever the period', async () => {
    const { sut, mocks } = newTestLedger(SETTLE);
    const diverted = finding({
      code: 'FUNDS_DIVERTED',
      severity: 'ORANGE',
      month: '2026-09',
      title: '专户资金挪用',
      parameters: {},
    });
    const counts = await sut.reconcile(
      manager,
      project,
      [verdict(diverted, { code: 'FUNDS_DIVERTED', parameterSources: {} })],
      asOf,
    );
    expect(counts.raised).toBe(1);
    expect(mocks.alerts.holdPending).not.toHaveBeenCalled();
  });

  it('forgets a pending verdict once the project is suspended: it is recorded as suppressed, never raised', async () => {
    const { sut, mocks } = newTestLedger(SETTLE);
    const pending = await recordOf(arrears('YELLOW'), {
      status: 'PENDING',
      raisedAt: null,
      pendingSince: asOf,
    });
    mocks.alerts.lockForUpdate.mockResolvedValue([pending]);
    const suspended = verdict(arrears('YELLOW'), {
      suppression: { suppressed: true, status: 'SUSPENDED', reason: '停工', since: '2026-10-01' },
    });
    await sut.reconcile(manager, project, [suspended], later(1000));
    expect(mocks.alerts.endPending).toHaveBeenCalledWith(manager, KEY);
    expect(mocks.alerts.open).not.toHaveBeenCalled();
    expect(appended(mocks.outbox).map((e) => e.type)).toEqual(['AlertSuppressed']);
  });

  it('leaves an open alert as it is while its verdict is withheld for the bank feed', async () => {
    const { sut, mocks } = newTestLedger(SETTLE);
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW'))]);
    const counts = await sut.reconcile(
      manager,
      project,
      [verdict(null, { withheld: 'bank feed complete through the deadline' })],
      asOf,
    );
    expect(counts).toEqual({ raised: 0, updated: 0, cleared: 0 });
    expect(mocks.alerts.clear).not.toHaveBeenCalled();
    expect(appended(mocks.outbox)).toEqual([]);
  });
});

describe('AlertLedger batches (several project-months in one transaction)', () => {
  it('locks every key of the batch at once, and reads a key again once a project-month before wrote it', async () => {
    const { sut, mocks } = newTestLedger();
    const batch = await sut.begin(manager, [[KEY], [KEY]]);
    expect(mocks.alerts.lockForUpdate).toHaveBeenCalledTimes(1);

    const first = await batch.reconcile(project, [verdict(arrears('YELLOW'))], asOf);
    expect(first.counts).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect([...first.opened]).toEqual(['WAGE_ARREARS']);

    // The second project-month finds the alert the first opened: nothing is raised twice.
    mocks.alerts.lockForUpdate.mockResolvedValueOnce([await recordOf(arrears('YELLOW'))]);
    const second = await batch.reconcile(project, [verdict(arrears('YELLOW'))], asOf);
    expect(mocks.alerts.lockForUpdate).toHaveBeenCalledTimes(2);
    expect(mocks.alerts.lockForUpdate).toHaveBeenLastCalledWith(manager, [KEY]);
    expect(second.counts).toEqual({ raised: 0, updated: 0, cleared: 0 });

    // Nothing is written to the outbox before the batch is flushed, then everything in one statement.
    expect(mocks.outbox.append).not.toHaveBeenCalled();
    await batch.flush();
    expect(mocks.outbox.append).toHaveBeenCalledTimes(1);
    expect(appended(mocks.outbox).map((e) => e.type)).toEqual(['AlertRaised']);
  });

  it('does not read a key again when the project-month before left it as it was', async () => {
    const { sut, mocks } = newTestLedger();
    mocks.alerts.lockForUpdate.mockResolvedValue([await recordOf(arrears('YELLOW'))]);
    const batch = await sut.begin(manager, [[KEY], [KEY]]);
    await batch.reconcile(project, [verdict(arrears('YELLOW'))], asOf);
    await batch.reconcile(project, [verdict(arrears('YELLOW'))], asOf);
    expect(mocks.alerts.lockForUpdate).toHaveBeenCalledTimes(1);
    expect(mocks.alerts.update).not.toHaveBeenCalled();
  });
});
