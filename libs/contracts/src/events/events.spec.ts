import { createHmac, randomUUID } from 'node:crypto';
import { type EventContract, parseEvent, type ParseResult } from '../envelope';
import { ALL_TOPICS, Topics } from '../topics';
import {
  type AccountEvent,
  type AccountStatementReported,
  type AlertDismissed,
  type AlertCleared,
  type AlertEvidence,
  type AlertRaised,
  type AlertSuppressed,
  type AlertUpdated,
  type AttendanceReported,
  type CaseClosed,
  type CaseOpened,
  type DepositMovementRecorded,
  type DepositRecorded,
  type EmployerFindingRecorded,
  type EmployerDelisted,
  type EmployerListed,
  type GradeAssigned,
  type MonthlyAssessmentCompleted,
  type PaySheetRevisionDecided,
  type PaySheetRevisionSubmitted,
  type PaySheetSubmitted,
  type ProjectGridChanged,
  type ProjectRegistered,
  type ProjectStatusChanged,
  type RectificationOrdered,
  type CaseOverdue,
  type VerificationOverdue,
  type VerificationRecorded,
  type VerificationRequested,
  type TransactionRecorded,
  type WageAccountOpened,
  type WorkerEnrolled,
  type WorkerExited,
  type WorkerMonthAnswered,
  type WorkerUpdated,
  accountEvents,
  alertEvents,
  alertKey,
  assessmentEvents,
  eventsByTopic,
  MAX_EVIDENCE_ITEMS,
  MAX_ROWS_PER_EVENT,
  payLineTotals,
  projectEvents,
  rosterEvents,
} from '.';

const blindIndexOf = (value: string) =>
  createHmac('sha256', 'test-blind-index-key').update(value).digest('hex');

const PROJECT = 'XM-2024-001';
const WORKER_ID = '3f0c7d2e-8b1a-4c5d-9e6f-0a1b2c3d4e5f';
const DEPOSIT_ID = '7a1e9c3b-5d2f-4e8a-b6c4-2f9d1e0a3b5c';
const SUBMISSION_ID = 'c4e2a9f1-3b7d-4a6e-8c5b-1d9f0e2a7b3c';
const CASE_ID = '5b8e2f1a-9c3d-4e7f-a1b2-c3d4e5f6a7b8';
const CREDIT_CODE = '91350200MA2XXXXX1A';
const ID_HASH = blindIndexOf('350206199001011234');
const CARD_HASH = blindIndexOf('6222021234567890123');

function envelope(type: string, data: unknown, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2024-06-10T09:30:00+08:00',
    recordedAt: '2024-06-10T01:30:02Z',
    projectCode: PROJECT,
    data,
    ...overrides,
  };
}

const workerEntry = {
  workerId: WORKER_ID,
  idHash: ID_HASH,
  idMasked: '350206********1234',
  name: '张三',
  bankCard: { bankCode: 'ICBC', cardHash: CARD_HASH, cardMasked: '6222***********0123' },
  team: '钢筋班',
  trade: '钢筋工',
  entryDate: '2024-03-01',
};

const evidence: AlertEvidence = {
  workersAffected: 1,
  workers: [
    { idHash: ID_HASH, idMasked: '350206********1234', name: '张三', amountDueFen: 850000, amountPaidFen: 0 },
  ],
  amounts: { netPayDueFen: 850000, paidFen: 0, shortfallFen: 850000 },
  transactions: [],
  parameters: { graceDays: 2 },
  facts: { deadline: '2024-06-17', daysOverdue: 3 },
};

const alert = {
  alertKey: alertKey('WAGE_ARREARS', PROJECT, '2024-05'),
  code: 'WAGE_ARREARS',
  severity: 'YELLOW',
  projectCode: PROJECT,
  regionCode: '350206',
  month: '2024-05',
  title: '欠薪：1名工人未收到2024年5月工资',
  evidence,
} as const;

const transaction: TransactionRecorded = {
  accountNumber: '35050187000700001234',
  serialNo: 'B20240610000123',
  occurredAt: '2024-06-10T10:02:11+08:00',
  direction: 'DEBIT',
  kind: 'PAYROLL',
  amountFen: 850000,
  payrollMonth: '2024-05',
  counterparty: {
    name: '张三',
    accountHash: CARD_HASH,
    accountMasked: '6222***********0123',
    idHash: ID_HASH,
    idMasked: '350206********1234',
  },
  memo: '5月工资',
};

const paySheet: PaySheetSubmitted = {
  month: '2024-05',
  replacesPrevious: false,
  submissionId: SUBMISSION_ID,
  part: 1,
  parts: 1,
  lines: [{ workerId: WORKER_ID, idHash: ID_HASH, grossPayFen: 920000, netPayFen: 850000 }],
  totals: { lines: 1, grossPayFen: 920000, netPayFen: 850000 },
};

const assessment: MonthlyAssessmentCompleted = {
  projectCode: PROJECT,
  regionCode: '350206',
  month: '2024-05',
  status: 'IN_CONSTRUCTION',
  inConstruction: true,
  coverage: {
    realName: true,
    wageAccount: true,
    deposit: true,
    bankPayroll: true,
    monthlyFullPayment: false,
  },
  workersDue: 2,
  workersPaidInFull: 1,
  amountDueFen: 1700000,
  amountPaidFen: 1500000,
  evaluatedAt: '2024-06-18T02:00:00+08:00',
};

/** A valid payload for every event type; the first test fails when an event is added without one. */
const examples = {
  ProjectRegistered: {
    code: PROJECT,
    name: '翔安新城安置房三期',
    regionCode: '350206',
    contractor: { name: '厦门某建设集团有限公司', creditCode: '91350200MA2XXXXX1A' },
    owner: { name: '厦门某开发有限公司' },
    contractAmountFen: 12_000_000_000,
    startDate: '2024-03-01',
    plannedEndDate: '2025-12-31',
    payday: 15,
    status: 'IN_CONSTRUCTION',
    apiKeyHash: 'a'.repeat(64),
  } satisfies ProjectRegistered,
  ProjectStatusChanged: {
    code: PROJECT,
    status: 'SUSPENDED',
    previousStatus: 'IN_CONSTRUCTION',
    effectiveDate: '2024-07-01',
  } satisfies ProjectStatusChanged,
  ProjectGridChanged: {
    code: PROJECT,
    regionCode: '350206',
    gridCode: '350206001',
    previousGridCode: null,
  } satisfies ProjectGridChanged,
  WorkerEnrolled: workerEntry satisfies WorkerEnrolled,
  WorkerUpdated: { ...workerEntry, exitDate: '2024-06-30' } satisfies WorkerUpdated,
  WorkerExited: { workerId: WORKER_ID, idHash: ID_HASH, exitDate: '2024-06-30' } satisfies WorkerExited,
  AttendanceReported: {
    month: '2024-05',
    submissionId: SUBMISSION_ID,
    part: 1,
    parts: 1,
    records: [{ workerId: WORKER_ID, idHash: ID_HASH, daysWorked: 26 }],
  } satisfies AttendanceReported,
  PaySheetSubmitted: paySheet,
  WorkerMonthAnswered: {
    workerId: WORKER_ID,
    idHash: ID_HASH,
    idMasked: '350206********1234',
    nameMasked: '张*',
    month: '2024-05',
    result: 'DISPUTED',
    reason: 'NOT_RECEIVED',
    answeredAt: '2024-06-20T02:00:00.000Z',
  } satisfies WorkerMonthAnswered,
  PaySheetRevisionSubmitted: {
    month: '2024-05',
    revisionId: '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    revisesSubmissionId: SUBMISSION_ID,
    submittedAt: '2024-06-20T09:30:00+08:00',
    deadline: '2024-06-17',
    totals: { lines: 1, grossPayFen: 920000, netPayFen: 0 },
    originalTotals: { lines: 1, grossPayFen: 920000, netPayFen: 850000 },
    linesLowered: 1,
    workersDropped: 0,
    lowered: [{ workerId: WORKER_ID, idHash: ID_HASH, originalNetPayFen: 850000, revisedNetPayFen: 0 }],
  } satisfies PaySheetRevisionSubmitted,
  PaySheetRevisionDecided: {
    month: '2024-05',
    revisionId: '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    decision: 'REJECTED',
    decidedBy: 'user:inspector-a',
    decidedAt: '2024-06-21T10:00:00+08:00',
    reason: '与银行代发记录不符',
  } satisfies PaySheetRevisionDecided,
  WageAccountOpened: {
    accountNumber: '35050187000700001234',
    projectCode: PROJECT,
    bankCode: 'CCB',
    openedOn: '2024-03-15',
  } satisfies WageAccountOpened,
  TransactionRecorded: transaction,
  DepositRecorded: {
    depositId: DEPOSIT_ID,
    projectCode: PROJECT,
    form: 'GUARANTEE',
    amountFen: 240_000_000,
    effectiveOn: '2024-03-20',
    expiresOn: '2025-03-19',
    reference: 'BH-2024-0088',
  } satisfies DepositRecorded,
  DepositMovementRecorded: {
    depositId: DEPOSIT_ID,
    kind: 'DRAWDOWN',
    amountFen: 850000,
    occurredAt: '2024-07-02T15:00:00+08:00',
  } satisfies DepositMovementRecorded,
  AccountStatementReported: {
    accountNumber: '35050187000700001234',
    statementThrough: '2024-07-02T23:59:59+08:00',
  } satisfies AccountStatementReported,
  AlertDismissed: {
    alertKey: `WAGE_ARREARS:${PROJECT}:2024-05`,
    code: 'WAGE_ARREARS',
    projectCode: PROJECT,
    regionCode: '350206',
    month: '2024-05',
    reason: '工资已现金发放并经工人签字确认',
    dismissedAt: '2024-06-19T10:00:00+08:00',
  } satisfies AlertDismissed,
  AlertRaised: { ...alert, detectedAt: '2024-06-18T00:05:00+08:00' } satisfies AlertRaised,
  AlertUpdated: {
    ...alert,
    severity: 'ORANGE',
    previousSeverity: 'YELLOW',
    detectedAt: '2024-07-03T00:05:00+08:00',
  } satisfies AlertUpdated,
  AlertCleared: {
    ...alert,
    evidence: {
      ...evidence,
      workers: [{ ...evidence.workers[0], amountPaidFen: 850000 }],
      amounts: { netPayDueFen: 850000, paidFen: 850000, shortfallFen: 0 },
      transactions: [
        {
          accountNumber: transaction.accountNumber,
          serialNo: transaction.serialNo,
          occurredAt: transaction.occurredAt,
          kind: 'PAYROLL',
          amountFen: 850000,
          counterpartyName: '张三',
          counterpartyAccountMasked: '6222***********0123',
        },
      ],
    },
    raisedAt: '2024-06-18T00:05:00+08:00',
    clearedAt: '2024-06-20T10:05:00+08:00',
    durationSeconds: 2 * 86400 + 10 * 3600,
  } satisfies AlertCleared,
  AlertSuppressed: {
    ...alert,
    alertKey: alertKey('LABOR_COST_NOT_APPROPRIATED', PROJECT, '2024-07'),
    code: 'LABOR_COST_NOT_APPROPRIATED',
    month: '2024-07',
    title: '2024年7月人工费用未拨付（停工期间，已抑制）',
    projectStatus: 'SUSPENDED',
    detectedAt: '2024-08-11T00:05:00+08:00',
  } satisfies AlertSuppressed,
  MonthlyAssessmentCompleted: assessment,
  CaseOpened: {
    caseId: CASE_ID,
    source: 'ALERT',
    alertKey: alertKey('WAGE_ARREARS', PROJECT, '2024-05'),
    projectCode: PROJECT,
    regionCode: '350206',
    employer: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
    openedAt: '2024-06-21T09:00:00+08:00',
    closeBy: '2024-09-13',
  } satisfies CaseOpened,
  CaseClosed: {
    caseId: CASE_ID,
    code: 'HANDLED',
    projectCode: PROJECT,
    regionCode: '350206',
    employer: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
    closedAt: '2024-08-01T16:00:00+08:00',
    closeBy: '2024-09-13',
    withinLimit: true,
    unpaidWages: true,
  } satisfies CaseClosed,
  EmployerFindingRecorded: {
    caseId: CASE_ID,
    creditCode: CREDIT_CODE,
    employerName: '厦门某建设工程有限公司',
    projectCode: PROJECT,
    regionCode: '350206',
    unpaidWages: true,
    violations: ['拖欠农民工工资'],
    wagesOwedFen: 12_000_000,
    recoveredFen: 12_000_000,
    workersAffected: 18,
    foundAt: '2024-08-01T16:00:00+08:00',
  } satisfies EmployerFindingRecorded,
  GradeAssigned: {
    creditCode: CREDIT_CODE,
    employerName: '厦门某建设工程有限公司',
    year: 2024,
    grade: 'C',
    kind: 'ANNUAL',
    criteria: ['THREE_OR_MORE_FINDINGS'],
    findings: [CASE_ID],
    unpaidWages: true,
    consecutiveAYears: 0,
    assignedAt: '2025-01-02T02:00:00+08:00',
  } satisfies GradeAssigned,
  EmployerListed: {
    listingId: '0b7c1e52-4d3a-4f6e-9a2b-7c8d9e0f1a2b',
    creditCode: CREDIT_CODE,
    employerName: '厦门某建设工程有限公司',
    caseId: CASE_ID,
    regionCode: '350206',
    reason: '拖欠农民工工资，经责令限期支付逾期仍未支付',
    decidedOn: '2024-09-02',
    listedUntil: '2027-09-01',
  } satisfies EmployerListed,
  EmployerDelisted: {
    listingId: '0b7c1e52-4d3a-4f6e-9a2b-7c8d9e0f1a2b',
    creditCode: CREDIT_CODE,
    reason: 'EARLY_REMOVAL',
    delistedOn: '2025-03-03',
  } satisfies EmployerDelisted,
  RectificationOrdered: {
    caseId: '6f1d7c3e-8b2a-4c5d-9e0f-1a2b3c4d5e6f',
    actionId: '7a2e8d4f-9c3b-4d6e-8f1a-2b3c4d5e6f70',
    projectCode: 'XM-2024-001',
    months: ['2024-04', '2024-05'],
    regionCode: '350206',
    deadline: '2024-06-20',
    violations: ['WAGE_ARREARS', 'WAGE_UNDERPAID'],
    ordersPayment: true,
    amountFen: 1_250_000,
    documentNo: '厦湖人社监令〔2024〕12号',
    orderedAt: '2024-06-10T09:30:00+08:00',
  } satisfies RectificationOrdered,
  CaseOverdue: {
    caseId: '6f1d7c3e-8b2a-4c5d-9e0f-1a2b3c4d5e6f',
    projectCode: 'XM-2024-001',
    regionCode: '350206',
    employer: { name: '厦门某建设工程有限公司', creditCode: CREDIT_CODE },
    openedAt: '2024-03-01T09:30:00+08:00',
    closeBy: '2024-05-30',
    extended: false,
    workingDaysOverdue: 1,
  } satisfies CaseOverdue,
  VerificationRequested: {
    verificationId: '0b6f5c2e-3d4a-4e8f-9a1b-2c3d4e5f6a7b',
    subject: 'ALERT',
    alertKey: 'WAGE_ARREARS:XM-2024-001:2024-05',
    code: 'WAGE_ARREARS',
    severity: 'RED',
    projectCode: 'XM-2024-001',
    gridCode: '350206001',
    regionCode: '350206',
    requestedAt: '2024-06-10T09:30:00+08:00',
    dueBy: '2024-06-13',
  } satisfies VerificationRequested,
  VerificationRecorded: {
    verificationId: '0b6f5c2e-3d4a-4e8f-9a1b-2c3d4e5f6a7b',
    visitId: '1c7a6d3f-4e5b-4f90-8b2c-3d4e5f6a7b8c',
    subject: 'COMPLAINT',
    complaintId: '2d8b7e4a-5f6c-4a01-9c3d-4e5f6a7b8c9d',
    projectCode: 'XM-2024-001',
    gridCode: '350206001001',
    regionCode: '350206',
    result: 'CORRECTED',
    recordedBy: 'grid-350206001',
    visitedAt: '2024-06-11T10:00:00+08:00',
    findings: '项目部当场补发五月工资，工人签字确认',
  } satisfies VerificationRecorded,
  VerificationOverdue: {
    verificationId: '0b6f5c2e-3d4a-4e8f-9a1b-2c3d4e5f6a7b',
    subject: 'ALERT',
    alertKey: 'WAGE_ARREARS:XM-2024-001:2024-05',
    code: 'WAGE_ARREARS',
    severity: 'RED',
    projectCode: 'XM-2024-001',
    gridCode: '350206001',
    regionCode: '350206',
    requestedAt: '2024-06-10T09:30:00+08:00',
    dueBy: '2024-06-13',
    workingDaysOverdue: 1,
  } satisfies VerificationOverdue,
};

type ExampleType = keyof typeof examples;

function parse<Cs extends readonly EventContract[]>(
  contracts: Cs,
  type: string,
  data: unknown,
  overrides = {},
) {
  return parseEvent(contracts, JSON.stringify(envelope(type, data, overrides)));
}

function reasonOf(result: ParseResult<unknown>): string {
  if (result.ok) throw new Error('expected the message to be rejected');
  return result.reason;
}

describe('event contracts', () => {
  const all = ALL_TOPICS.flatMap((topic) => eventsByTopic[topic].map((contract) => ({ topic, contract })));

  it('has one example per event type, and every type is unique', () => {
    const types = all.map(({ contract }) => contract.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(all.map(({ topic, contract }) => [contract.type, topic, contract] as const))(
    '%s lives on %s and round-trips through parseEvent',
    (type, topic, contract) => {
      expect(contract.topic).toBe(topic);
      const sent = envelope(type, examples[type as ExampleType]);
      const result = parseEvent(eventsByTopic[topic], Buffer.from(JSON.stringify(sent)));
      expect(result).toEqual({ ok: true, event: sent });
    },
  );

  it('narrows a parsed event by its type', () => {
    const result = parse(rosterEvents, 'PaySheetSubmitted', paySheet);
    if (!result.ok || result.event.type !== 'PaySheetSubmitted') throw new Error('expected a pay sheet');
    expect(result.event.data.lines[0].netPayFen).toBe(850000);
  });
});

describe('parseEvent rejects', () => {
  it('a value that is not JSON', () => {
    expect(reasonOf(parseEvent(rosterEvents, '{"id": '))).toMatch(/^value is not JSON/);
    expect(reasonOf(parseEvent(rosterEvents, null))).toBe('message has no value');
  });

  it('a type the topic does not carry', () => {
    expect(reasonOf(parse(rosterEvents, 'WorkerHired', workerEntry))).toBe(
      'unknown event type "WorkerHired"',
    );
    expect(reasonOf(parse(accountEvents, 'WorkerEnrolled', workerEntry))).toMatch(/unknown event type/);
  });

  it('a transaction without a counterparty account, unless it is cash at the counter or a fee', () => {
    const { accountHash: _hash, accountMasked: _masked, ...noAccount } = transaction.counterparty;
    const cash = {
      ...transaction,
      kind: 'WITHDRAWAL',
      payrollMonth: undefined,
      counterparty: { name: '现金支取' },
    };
    expect(parse(accountEvents, 'TransactionRecorded', cash).ok).toBe(true);
    expect(
      reasonOf(parse(accountEvents, 'TransactionRecorded', { ...transaction, counterparty: noAccount })),
    ).toMatch(/only a WITHDRAWAL or a FEE may have no counterparty account/);
    const halfAccount = { ...cash, counterparty: { name: '现金支取', accountMasked: '6222***********0123' } };
    expect(reasonOf(parse(accountEvents, 'TransactionRecorded', halfAccount))).toMatch(/come together/);
  });

  it('a schema version it does not know', () => {
    expect(reasonOf(parse(rosterEvents, 'WorkerEnrolled', workerEntry, { schemaVersion: 2 }))).toBe(
      'unsupported schemaVersion 2 for WorkerEnrolled (expected 1)',
    );
  });

  it('an envelope without an offset on its instants', () => {
    expect(
      reasonOf(
        parse(projectEvents, 'ProjectStatusChanged', examples.ProjectStatusChanged, {
          occurredAt: '2024-06-10T09:30:00',
        }),
      ),
    ).toMatch(/^invalid envelope: occurredAt/);
  });
});

describe('personal data in events', () => {
  it('rejects a clear identity number where the masked one belongs', () => {
    const reason = reasonOf(
      parse(rosterEvents, 'WorkerEnrolled', { ...workerEntry, idMasked: '350206199001011234' }),
    );
    expect(reason).toMatch(/idMasked: must be a masked identity number/);
  });

  it('rejects a clear card number where the masked one belongs', () => {
    const bankCard = { ...workerEntry.bankCard, cardMasked: '6222021234567890123' };
    expect(reasonOf(parse(rosterEvents, 'WorkerUpdated', { ...workerEntry, bankCard }))).toMatch(
      /bankCard\.cardMasked/,
    );
  });

  it('rejects a clear identity number in place of its blind index', () => {
    expect(
      reasonOf(
        parse(rosterEvents, 'WorkerExited', { ...examples.WorkerExited, idHash: '350206199001011234' }),
      ),
    ).toMatch(/idHash/);
  });

  it('rejects a counterparty identity hash without its masked form', () => {
    const { idMasked: _dropped, ...counterparty } = transaction.counterparty;
    expect(reasonOf(parse(accountEvents, 'TransactionRecorded', { ...transaction, counterparty }))).toMatch(
      /counterparty\.idMasked: idHash and idMasked come together/,
    );
  });

  it('rejects a clear identity number in alert evidence', () => {
    const workers = [{ ...evidence.workers[0], idMasked: '350206199001011234' }];
    expect(
      reasonOf(
        parse(alertEvents, 'AlertRaised', { ...examples.AlertRaised, evidence: { ...evidence, workers } }),
      ),
    ).toMatch(/evidence\.workers\.0\.idMasked/);
  });
});

describe('money and months in events', () => {
  it('rejects fen with a fraction', () => {
    expect(
      reasonOf(parse(accountEvents, 'TransactionRecorded', { ...transaction, amountFen: 8500.5 })),
    ).toMatch(/amountFen/);
    const lines = [{ ...paySheet.lines[0], grossPayFen: 9200.75 }];
    expect(reasonOf(parse(rosterEvents, 'PaySheetSubmitted', { ...paySheet, lines }))).toMatch(
      /lines\.0\.grossPayFen/,
    );
  });

  it('rejects amounts in yuan strings and zero transactions', () => {
    expect(
      reasonOf(parse(accountEvents, 'TransactionRecorded', { ...transaction, amountFen: '8500.00' })),
    ).toMatch(/amountFen/);
    expect(reasonOf(parse(accountEvents, 'TransactionRecorded', { ...transaction, amountFen: 0 }))).toMatch(
      /amountFen/,
    );
  });

  it.each(['2024-5', '2024/05', '2024-05-01', '202405'])('rejects the month %j', (badMonth) => {
    expect(reasonOf(parse(rosterEvents, 'PaySheetSubmitted', { ...paySheet, month: badMonth }))).toMatch(
      /month/,
    );
  });

  it('rejects a direction that contradicts the kind', () => {
    expect(
      reasonOf(parse(accountEvents, 'TransactionRecorded', { ...transaction, direction: 'CREDIT' })),
    ).toMatch(/direction: direction does not match kind/);
  });

  it('narrows account events to the transaction', () => {
    const result = parse(accountEvents, 'TransactionRecorded', transaction);
    const event: AccountEvent | undefined = result.ok ? result.event : undefined;
    expect(event?.type === 'TransactionRecorded' && event.data.counterparty.accountMasked).toBe(
      '6222***********0123',
    );
  });
});

describe('submissions split into parts', () => {
  const line = (i: number) => ({
    workerId: randomUUID(),
    idHash: blindIndexOf(`worker-${i}`),
    grossPayFen: Number.MAX_SAFE_INTEGER,
    netPayFen: Number.MAX_SAFE_INTEGER,
  });

  it('keeps a full part of the largest lines under 400 KB', () => {
    const lines = Array.from({ length: MAX_ROWS_PER_EVENT }, (_, i) => line(i));
    const part = { ...paySheet, parts: 5, lines, totals: { lines: 10_000, grossPayFen: 0, netPayFen: 0 } };
    const value = JSON.stringify(envelope('PaySheetSubmitted', part));
    expect(parseEvent(rosterEvents, value).ok).toBe(true);
    expect(Buffer.byteLength(value)).toBeLessThan(400_000);
  });

  it('rejects more rows than one event may carry', () => {
    const lines = Array.from({ length: MAX_ROWS_PER_EVENT + 1 }, (_, i) => ({
      ...line(i),
      grossPayFen: 1,
      netPayFen: 1,
    }));
    const sheet = { ...paySheet, lines, totals: payLineTotals(lines) };
    expect(reasonOf(parse(rosterEvents, 'PaySheetSubmitted', sheet))).toMatch(/lines: Too big/);
  });

  it('rejects a part number beyond the count of parts', () => {
    expect(
      reasonOf(parse(rosterEvents, 'AttendanceReported', { ...examples.AttendanceReported, part: 2 })),
    ).toMatch(/part: part must not exceed parts/);
  });

  it('checks the totals of a sheet sent in one part', () => {
    const totals = { ...paySheet.totals, netPayFen: 1 };
    expect(reasonOf(parse(rosterEvents, 'PaySheetSubmitted', { ...paySheet, totals }))).toMatch(
      /^invalid .*totals/,
    );
    expect(payLineTotals(paySheet.lines)).toEqual(paySheet.totals);
  });
});

describe('alerts', () => {
  it('key one alert per code, project and month, or per code and project', () => {
    expect(alertKey('WAGE_ARREARS', PROJECT, '2024-05')).toBe('WAGE_ARREARS:XM-2024-001:2024-05');
    expect(alertKey('NO_WAGE_ACCOUNT', PROJECT, null)).toBe('NO_WAGE_ACCOUNT:XM-2024-001');
  });

  it('rejects a key that does not follow from the code, project and month', () => {
    expect(
      reasonOf(parse(alertEvents, 'AlertRaised', { ...examples.AlertRaised, month: '2024-04' })),
    ).toMatch(/alertKey must be/);
  });

  it('accepts an alert without a month', () => {
    const deposit = {
      ...examples.AlertRaised,
      alertKey: alertKey('DEPOSIT_SHORTFALL', PROJECT, null),
      code: 'DEPOSIT_SHORTFALL',
      severity: 'ORANGE',
      month: null,
    };
    expect(parse(alertEvents, 'AlertRaised', deposit).ok).toBe(true);
  });

  it('caps the workers listed, never the count', () => {
    const workers = Array.from({ length: MAX_EVIDENCE_ITEMS + 1 }, () => evidence.workers[0]);
    const tooMany = { ...examples.AlertRaised, evidence: { ...evidence, workersAffected: 5000, workers } };
    expect(reasonOf(parse(alertEvents, 'AlertRaised', tooMany))).toMatch(/evidence\.workers: Too big/);
    const undercounted = { ...examples.AlertRaised, evidence: { ...evidence, workersAffected: 0 } };
    expect(reasonOf(parse(alertEvents, 'AlertRaised', undercounted))).toMatch(/workersAffected/);
  });

  it("keeps full evidence lists under half of Kafka's 1 MB default", () => {
    const worker = { ...evidence.workers[0], name: '欧阳建国', cardMasked: '6222***********0123' };
    const tx = examples.AlertCleared.evidence.transactions[0];
    const full = {
      ...examples.AlertRaised,
      evidence: {
        ...evidence,
        workersAffected: 10_000,
        workers: Array.from({ length: MAX_EVIDENCE_ITEMS }, () => worker),
        transactions: Array.from({ length: MAX_EVIDENCE_ITEMS }, () => tx),
      },
    };
    const value = JSON.stringify(envelope('AlertRaised', full));
    expect(parseEvent(alertEvents, value).ok).toBe(true);
    expect(Buffer.byteLength(value)).toBeLessThan(500_000);
  });

  it('rejects amounts in evidence whose name does not say fen', () => {
    const amounts = { shortfall: 850000 };
    expect(
      reasonOf(
        parse(alertEvents, 'AlertRaised', { ...examples.AlertRaised, evidence: { ...evidence, amounts } }),
      ),
    ).toMatch(/evidence\.amounts\.shortfall: Invalid key in record/);
  });

  it('suppresses only for a suspended or completed project', () => {
    const inConstruction = { ...examples.AlertSuppressed, projectStatus: 'IN_CONSTRUCTION' };
    expect(reasonOf(parse(alertEvents, 'AlertSuppressed', inConstruction))).toMatch(/projectStatus/);
  });
});

describe('monthly assessments', () => {
  it('leave the payment metrics null when no worker was due wages', () => {
    const noWork = {
      ...assessment,
      coverage: { ...assessment.coverage, bankPayroll: null, monthlyFullPayment: null },
      workersDue: 0,
      workersPaidInFull: 0,
      amountDueFen: 0,
      amountPaidFen: 0,
    };
    expect(parse(assessmentEvents, 'MonthlyAssessmentCompleted', noWork).ok).toBe(true);
    const claimsPayment = { ...noWork, coverage: { ...noWork.coverage, bankPayroll: true } };
    expect(reasonOf(parse(assessmentEvents, 'MonthlyAssessmentCompleted', claimsPayment))).toMatch(
      /coverage: a coverage metric is null exactly when it does not apply/,
    );
  });

  it('leave every metric null for a project not in construction that month', () => {
    const allNull = {
      realName: null,
      wageAccount: null,
      deposit: null,
      bankPayroll: null,
      monthlyFullPayment: null,
    };
    const completed = {
      ...assessment,
      status: 'COMPLETED',
      inConstruction: false,
      coverage: allNull,
      workersDue: 0,
      workersPaidInFull: 0,
    };
    expect(parse(assessmentEvents, 'MonthlyAssessmentCompleted', completed).ok).toBe(true);
    const scored = { ...completed, coverage: { ...allNull, realName: false } };
    expect(parse(assessmentEvents, 'MonthlyAssessmentCompleted', scored).ok).toBe(false);
  });

  it('reject more workers paid in full than were due', () => {
    expect(
      reasonOf(
        parse(assessmentEvents, 'MonthlyAssessmentCompleted', { ...assessment, workersPaidInFull: 3 }),
      ),
    ).toMatch(/workersPaidInFull/);
  });
});

describe('topics', () => {
  it('maps every topic to its events', () => {
    expect(Object.keys(eventsByTopic).sort()).toEqual([...ALL_TOPICS].sort());
    expect(eventsByTopic[Topics.alert]).toBe(alertEvents);
  });
});
