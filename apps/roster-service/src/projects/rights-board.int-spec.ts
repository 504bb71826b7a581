import { pdfText, type TestApp } from '@wage/testing';
import {
  bearer,
  creditCode,
  projectBody,
  registerProject,
  startRosterService,
  userToken,
  worker,
} from '../testing/roster-test-kit';

/** The answer's body as bytes (supertest parses only text and JSON by itself). */
function binary(request: import('supertest').Test) {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

describe('the rights-information board (real PostgreSQL and Kafka)', () => {
  let service: TestApp;
  let projectKey: string;
  const onRoll = worker(7);

  beforeAll(async () => {
    service = await startRosterService({
      CONSOLE_BASE_URL: 'https://wage.example.gov.cn/',
      MINIMUM_MONTHLY_WAGES: '000000=1900,350200=2030.50',
    });
    const registered = await service.http
      .post('/api/v1/projects')
      .set(bearer(service.env.ADMIN_API_KEY))
      .send({
        ...projectBody('XM-BOARD-1'),
        name: '湖里区安置房项目',
        contractor: { name: '厦门海西建设工程有限公司', creditCode: creditCode('MA2X0001') },
        owner: { name: '厦门市城市建设发展投资有限公司', creditCode: creditCode('MA2X0002') },
        payday: 10,
      });
    expect(registered.status).toBe(201);
    projectKey = registered.body.apiKey as string;
    const roll = await service.http
      .put('/api/v1/projects/XM-BOARD-1/workers')
      .set(bearer(projectKey))
      .send({ workers: [onRoll] });
    expect(roll.status).toBe(200);
  });
  afterAll(() => service.close());

  const board = (caller: { Authorization: string }, query = '') =>
    binary(service.http.get(`/api/v1/projects/XM-BOARD-1/rights-board${query}`).set(caller));

  it("prints the parties, payday, the region's minimum wage, the channels and the workers' page, for the project and an inspector of its region", async () => {
    for (const caller of [bearer(projectKey), bearer(userToken(service, '350206'))]) {
      const response = await board(caller);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(decodeURIComponent(response.headers['content-disposition'])).toContain(
        '维权信息告示牌-XM-BOARD-1-A4.pdf',
      );
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text, pages } = await pdfText(pdf);
      expect(pages).toBe(1);
      const flat = text.replace(/\s+/g, '');
      for (const expected of [
        '农民工工资维权信息告示牌',
        '《保障农民工工资支付条例》第三十四条',
        '建设单位：厦门市城市建设发展投资有限公司',
        `施工总承包单位：厦门海西建设工程有限公司（统一社会信用代码：${creditCode('MA2X0001')}）`,
        '劳资专管员：',
        '每月10日支付上月工资',
        // 350206 has no figure of its own: 厦门市's (350200) counts, not the national one.
        '当地最低工资标准：每月2030.50元',
        '12333',
        '厦门市湖里区人力资源和社会保障局',
        'https://wage.example.gov.cn/worker',
      ])
        expect(flat).toContain(expected);
      expect(flat).not.toContain('1900元');
      // Neither the text nor the document's metadata (uncompressed in the file) carry a person's numbers.
      for (const secret of [onRoll.idNumber, onRoll.phone, onRoll.bankCard.cardNumber]) {
        expect(flat).not.toContain(secret);
        expect(pdf.toString('latin1')).not.toContain(secret);
        expect(pdf.toString('latin1')).not.toContain(
          Buffer.from(secret, 'utf16le').swap16().toString('latin1'),
        );
      }
      expect(flat).not.toMatch(/\d{17}[\dX]/);
    }
  });

  it('prints on A3 when asked, and refuses a paper size it does not know', async () => {
    const a3 = await board(bearer(projectKey), '?size=A3');
    expect(a3.status).toBe(200);
    expect((a3.body as Buffer).toString('latin1')).toContain('/MediaBox [0 0 841.89 1190.55]');
    expect((await pdfText(a3.body as Buffer)).pages).toBe(1);

    const letter = await service.http
      .get('/api/v1/projects/XM-BOARD-1/rights-board?size=LETTER')
      .set(bearer(projectKey));
    expect(letter.status).toBe(400);
    expect(letter.body.error).toBe('BAD_REQUEST');
  });

  it("is no other region's or project's to print", async () => {
    const elsewhere = await service.http
      .get('/api/v1/projects/XM-BOARD-1/rights-board')
      .set(bearer(userToken(service, '350203')));
    expect(elsewhere.status).toBe(404);

    const otherKey = await registerProject(service, 'XM-BOARD-2');
    const otherProject = await service.http
      .get('/api/v1/projects/XM-BOARD-1/rights-board')
      .set(bearer(otherKey));
    expect(otherProject.status).toBe(403);
  });
});
