import { randomBytes, randomUUID } from 'node:crypto';
import {
  AttendanceReported,
  PaySheetSubmitted,
  ProjectRegistered,
  TransactionRecorded,
  WageAccountOpened,
  WorkerEnrolled,
  type EventContract,
  type EventData,
} from '@wage/contracts';

// Upstream events as the roster, project and wage-account services publish them, for the engine's integration tests.

export const hash = () => randomBytes(32).toString('hex');
export const MONTH = '2026-09';

export function envelope<C extends EventContract>(
  contract: C,
  projectCode: string,
  data: EventData<C>,
  id = randomUUID(),
) {
  const now = new Date().toISOString();
  return {
    key: projectCode,
    value: JSON.stringify({
      id,
      type: contract.type,
      schemaVersion: contract.schemaVersion,
      occurredAt: now,
      recordedAt: now,
      projectCode,
      data: contract.schema.parse(data),
    }),
  };
}

/** A project that started in September 2026 with one worker who worked 20 days and is owed ¥5,000 net. */
export function projectWithUnpaidWorker(code: string, regionCode = '350206') {
  const worker = { workerId: randomUUID(), idHash: hash(), cardHash: hash() };
  const accountNumber = `AC${code}`;
  return {
    worker,
    accountNumber,
    project: [
      envelope(ProjectRegistered, code, {
        code,
        name: `工地 ${code}`,
        regionCode,
        contractor: { name: '某建设公司', creditCode: '91350200MA2Y8N3K0A' },
        owner: { name: '某开发公司' },
        // ¥1,000,000: below the deposit exemption threshold, so no deposit alert clutters the test.
        contractAmountFen: 100_000_000,
        startDate: '2026-09-01',
        payday: 15,
        status: 'IN_CONSTRUCTION',
        apiKeyHash: hash(),
      }),
    ],
    roster: [
      envelope(WorkerEnrolled, code, {
        workerId: worker.workerId,
        idHash: worker.idHash,
        idMasked: '350206********1234',
        name: '张三',
        bankCard: { bankCode: 'ICBC', cardHash: worker.cardHash, cardMasked: '6222***********0123' },
        entryDate: '2026-09-01',
      }),
      envelope(AttendanceReported, code, {
        month: MONTH,
        submissionId: randomUUID(),
        part: 1,
        parts: 1,
        records: [{ workerId: worker.workerId, idHash: worker.idHash, daysWorked: 20 }],
      }),
      envelope(PaySheetSubmitted, code, {
        month: MONTH,
        replacesPrevious: false,
        submissionId: randomUUID(),
        part: 1,
        parts: 1,
        lines: [
          { workerId: worker.workerId, idHash: worker.idHash, grossPayFen: 600_000, netPayFen: 500_000 },
        ],
        totals: { lines: 1, grossPayFen: 600_000, netPayFen: 500_000 },
      }),
    ],
    account: [
      envelope(WageAccountOpened, code, {
        accountNumber,
        projectCode: code,
        bankCode: 'ICBC',
        openedOn: '2026-09-01',
      }),
      envelope(TransactionRecorded, code, {
        accountNumber,
        serialNo: 'APP-1',
        occurredAt: '2026-09-10T10:00:00+08:00',
        direction: 'CREDIT',
        kind: 'APPROPRIATION',
        amountFen: 2_000_000,
        counterparty: { name: '某开发公司', accountHash: hash(), accountMasked: '6222***********9999' },
      }),
    ],
  };
}
