import type { ActionRow, CaseRow } from '../case-view';
import { caseDocument, chineseDate, issuingBureau } from './case-document';

const caseRow = (overrides: Partial<CaseRow> = {}): CaseRow => ({
  id: '5b8e2f1a-9c3d-4e7f-a1b2-c3d4e5f6a7b8',
  status: 'OPEN',
  source: 'COMPLAINT',
  complaint_id: null,
  alert_id: null,
  alert_key: null,
  project_code: 'XM-2026-001',
  region_code: '350206',
  employer_name: '厦门某建设工程有限公司',
  employer_credit_code: '91350206MA31XM5K8N',
  summary: '9月工资未按时足额支付',
  evidence: null,
  wages_owed_fen: '2400000',
  workers_owed: 3,
  opened_at: new Date('2026-10-09T02:00:00Z'),
  opened_on: '2026-10-09',
  opened_by: 'li.inspector',
  inspectors: ['li.inspector'],
  close_by: '2027-01-08',
  extended: false,
  closed_at: null,
  closed_by: null,
  closure_code: null,
  finding: null,
  closure_summary: null,
  recovered_fen: '0',
  ...overrides,
});
const action = (overrides: Partial<ActionRow>): ActionRow => ({
  id: '9a7b6c5d-4e3f-4a2b-8c1d-0e9f8a7b6c5d',
  kind: 'RECTIFICATION_ORDER',
  // 00:30 on 13 October in Shanghai: the document is dated by Shanghai's day, not UTC's.
  at: new Date('2026-10-12T16:30:00Z'),
  actor: 'li.inspector',
  note: '足额支付9月工资',
  deadline: '2026-10-19',
  amount_fen: '2400000',
  article: null,
  document_no: '厦湖人社监令〔2026〕12号',
  ...overrides,
});
const text = (doc: ReturnType<typeof caseDocument>) => [doc.addressee, ...doc.paragraphs].join('\n');

describe('case documents', () => {
  it.each([
    ['350206', '厦门市湖里区人力资源和社会保障局'],
    ['110105', '北京市朝阳区人力资源和社会保障局'],
    ['350200', '厦门市人力资源和社会保障局'],
  ])('the bureau of %s is %s', (code, bureau) => expect(issuingBureau(code)).toBe(bureau));

  it('writes dates as documents do', () => expect(chineseDate('2026-10-09')).toBe('2026年10月9日'));

  it('orders the employer to pay by the deadline, with the amount and what follows if it does not', () => {
    const doc = caseDocument(caseRow(), action({}), '湖里区安置房项目');
    expect(doc).toMatchObject({
      title: '劳动保障监察限期改正指令书',
      documentNo: '文号：厦湖人社监令〔2026〕12号',
      addressee: '厦门某建设工程有限公司（统一社会信用代码：91350206MA31XM5K8N）：',
      issuer: '厦门市湖里区人力资源和社会保障局',
      date: '2026年10月13日',
    });
    expect(text(doc)).toContain(
      '在“湖里区安置房项目”项目（项目编号XM-2026-001）中存在以下问题：9月工资未按时足额支付。',
    );
    expect(text(doc)).toContain('责令你单位于2026年10月19日前改正：足额支付9月工资。');
    expect(text(doc)).toContain('应支付的工资报酬：24000.00元。');
    expect(text(doc)).toContain('加付赔偿金');
  });

  it('cites the article of a penalty and states the rights of review of every decision', () => {
    const penalty = caseDocument(
      caseRow(),
      action({ kind: 'PENALTY', article: 'ART_54_UNIT', amount_fen: '3000000', deadline: null }),
    );
    expect(penalty.title).toBe('劳动保障监察行政处罚决定书');
    expect(text(penalty)).toContain('根据《保障农民工工资支付条例》第五十四条（单位）的规定');
    expect(text(penalty)).toContain('罚款人民币30000.00元');
    for (const kind of ['HANDLING_DECISION', 'PENALTY', 'EXTRA_COMPENSATION'])
      expect(text(caseDocument(caseRow(), action({ kind })))).toContain('六十日内依法申请行政复议');
    for (const kind of ['SUMMONS', 'RECTIFICATION_ORDER', 'TRANSFER_POLICE'])
      expect(text(caseDocument(caseRow(), action({ kind })))).not.toContain('行政复议');
  });

  it('addresses a transfer to the police, and says when the number is missing', () => {
    const doc = caseDocument(caseRow(), action({ kind: 'TRANSFER_POLICE', document_no: null }));
    expect(doc.title).toBe('涉嫌犯罪案件移送书');
    expect(doc.addressee).toBe('公安机关：');
    expect(text(doc)).toContain('涉嫌拒不支付劳动报酬罪');
    expect(text(doc)).toContain('国务院令第310号');
    expect(doc.documentNo).toBe('文号：（未填写）');
  });

  it('states the extended deadline', () => {
    const doc = caseDocument(
      caseRow({ extended: true, close_by: '2027-02-26' }),
      action({ kind: 'EXTENSION' }),
    );
    expect(text(doc)).toContain('延长后的办结期限为2027年2月26日');
    expect(text(doc)).toContain('《劳动保障监察条例》第十七条');
  });

  it('masks identity and card numbers an inspector wrote into the note or the summary', () => {
    const doc = caseDocument(
      caseRow({ summary: '工人李四（350211198501016315）反映被拖欠工资' }),
      action({ note: '向卡号6222021234567890123支付' }),
    );
    expect(text(doc)).not.toMatch(/350211198501016315|6222021234567890123/);
    expect(text(doc)).toContain('350211********6315');
  });

  it('names an employer without a credit code by name alone', () => {
    const doc = caseDocument(caseRow({ employer_credit_code: null, project_code: null }), action({}));
    expect(doc.addressee).toBe('厦门某建设工程有限公司：');
    expect(text(doc)).toContain('经查，你单位存在以下问题：');
  });
});
