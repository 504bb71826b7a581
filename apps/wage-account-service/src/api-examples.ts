/**
 * Realistic requests for the OpenAPI document: the dedicated wage account (农民工工资专用账户) of a project of
 * district 350206 at a Xiamen branch, its transactions and its wage guarantee deposit. A test parses each example
 * with the schema of its endpoint.
 */
export const EXAMPLE_ACCOUNT_NUMBER = '4100021709200012345';

export const registerBankExample = { code: 'ICBC-XM', name: '中国工商银行厦门分行' };

export const openWageAccountExample = {
  projectCode: 'XM-2026-001',
  bankCode: 'ICBC-XM',
  accountNumber: EXAMPLE_ACCOUNT_NUMBER,
  openedOn: '2026-03-02',
};

export const accountNumberParam = {
  accountNumber: {
    description: "the dedicated account's number, as the bank writes it",
    example: EXAMPLE_ACCOUNT_NUMBER,
  },
};

export const recordTransactionsExample = {
  transactions: [
    {
      serialNo: 'ICBC20261012000187',
      occurredAt: '2026-10-12T10:30:00+08:00',
      direction: 'CREDIT' as const,
      amount: '500000.00',
      kind: 'APPROPRIATION' as const,
      counterparty: { name: '厦门市海沧区城市建设开发有限公司', accountNumber: '3502001234567890' },
      memo: '10月人工费用拨付',
    },
    {
      serialNo: 'ICBC20261015000342',
      occurredAt: '2026-10-15T09:05:00+08:00',
      direction: 'DEBIT' as const,
      amount: '3500.00',
      kind: 'PAYROLL' as const,
      counterparty: { name: '张伟', accountNumber: '6222021234567890123', idNumber: '350206198805121230' },
      payrollMonth: '2026-10',
      memo: '代发10月工资',
    },
  ],
};

/** The day's statement: a fee and cash taken at the counter (现金支取), which have no counterparty account. */
export const cashWithdrawalExample = {
  transactions: [
    {
      serialNo: 'ICBC20261016000411',
      occurredAt: '2026-10-16T14:20:00+08:00',
      direction: 'DEBIT' as const,
      amount: '20000.00',
      kind: 'WITHDRAWAL' as const,
      counterparty: { name: '现金支取' },
      memo: '柜台现金支取',
    },
    {
      serialNo: 'ICBC20261016000412',
      occurredAt: '2026-10-16T14:21:00+08:00',
      direction: 'DEBIT' as const,
      amount: '5.00',
      kind: 'FEE' as const,
      counterparty: { name: '中国工商银行厦门分行' },
      memo: '账户管理费',
    },
  ],
  statementThrough: '2026-10-16T23:59:59+08:00',
};

/** No transaction on 17 October: the bank states only that the feed is complete through the day's end. */
export const statementOnlyExample = {
  transactions: [],
  statementThrough: '2026-10-17T23:59:59+08:00',
};

export const cashDepositExample = {
  projectCode: 'XM-2026-001',
  form: 'CASH',
  amount: '300000.00',
  effectiveOn: '2026-03-01',
  reference: 'HC-BZJ-2026-017',
} as const;

export const guaranteeDepositExample = {
  projectCode: 'XM-2026-001',
  form: 'GUARANTEE',
  amount: '500000.00',
  effectiveOn: '2026-03-01',
  expiresOn: '2027-03-01',
  reference: 'ICBC-BH-2026-088',
} as const;

export const movementExample = {
  kind: 'DRAWDOWN',
  amount: '35000.00',
  occurredAt: '2026-11-20T09:00:00+08:00',
} as const;
