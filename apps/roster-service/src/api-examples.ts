/**
 * Realistic requests for the OpenAPI document: a project of district 350206 (海沧区, Xiamen) and two of its
 * workers. Credit codes carry a correct GB 32100 check character. Identity numbers are fictitious on purpose:
 * district 350206 and a plausible birth date, but a wrong GB 11643 check digit, so that no example is ever a real
 * person's number (a reader replaces them with the workers' own). A test parses each example with the schema of
 * its endpoint, and one scans every service's document for identity numbers with a valid check digit.
 */
export const EXAMPLE_PROJECT_CODE = 'XM-2026-001';
export const EXAMPLE_WORKER_IDS = ['350206198805121230', '350206199203074560'] as const;

export const projectCodeParam = {
  code: { description: 'the project code given when it was registered', example: EXAMPLE_PROJECT_CODE },
};

export const registerProjectExample = {
  code: EXAMPLE_PROJECT_CODE,
  name: '海沧区新垵村安置房二期工程',
  regionCode: '350206',
  contractor: { name: '福建海建建设集团有限公司', creditCode: '91350206MA31XM5K8N' },
  owner: { name: '厦门市海沧区城市建设开发有限公司', creditCode: '91350200MA2YQ7RL3U' },
  contractAmount: '128000000.00',
  startDate: '2026-03-01',
  plannedEndDate: '2027-12-31',
  payday: 15,
};

export const upsertWorkersExample = {
  workers: [
    {
      idNumber: EXAMPLE_WORKER_IDS[0],
      name: '张伟',
      phone: '13812345678',
      bankCard: { bankCode: 'ICBC', cardNumber: '6222021234567890123' },
      team: '钢筋班',
      trade: '钢筋工',
      entryDate: '2026-03-05',
    },
    {
      idNumber: EXAMPLE_WORKER_IDS[1],
      name: '李娜',
      trade: '木工',
      entryDate: '2026-04-01',
      exitDate: '2026-12-20',
    },
  ],
};

export const attendanceExample = {
  month: '2026-10',
  records: [
    { idNumber: EXAMPLE_WORKER_IDS[0], daysWorked: 26 },
    { idNumber: EXAMPLE_WORKER_IDS[1], daysWorked: 22 },
  ],
};

export const paySheetExample = {
  month: '2026-10',
  lines: [
    { idNumber: EXAMPLE_WORKER_IDS[0], grossPay: '3800.00', netPay: '3500.00' },
    { idNumber: EXAMPLE_WORKER_IDS[1], grossPay: '3300.00', netPay: '3050.50' },
  ],
};

/** What every batch endpoint does, for its description. */
export const BATCH_NOTE =
  'An Idempotency-Key makes a resend safe. A batch with any invalid row is refused whole (422, one detail per ' +
  'problem) and nothing of it is stored.';
