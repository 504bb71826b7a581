import { signAccessToken } from '@wage/platform';
import { clearEnteredCalendars, isYearCalendarKnown, wageDeadline } from '@wage/domain';
import { startTestApp, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { OfficialCalendarService } from './official-calendar.service';

// A schedule for 2027 as an administrator would enter it from the notice: the Spring Festival 11–17 Feb off,
// Sun 7 Feb and Sat 20 Feb worked. (Test data; the State Council's notice decides the real one.)
const SPRING_FESTIVAL = [
  '2027-02-11',
  '2027-02-12',
  '2027-02-13',
  '2027-02-14',
  '2027-02-15',
  '2027-02-16',
  '2027-02-17',
];
const NOTICE = {
  holidays: ['2027-01-01', ...SPRING_FESTIVAL],
  workingDays: ['2027-02-20', '2027-02-07'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
};

describe('rules-engine official calendar (real PostgreSQL)', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.env.ADMIN_API_KEY}` });
  const inspector = () => ({
    Authorization: `Bearer ${signAccessToken({ sub: 'insp', role: 'INSPECTOR', region: '350206' }, t.env.JWT_SECRET, 600)}`,
  });

  beforeAll(async () => {
    clearEnteredCalendars();
    t = await startTestApp({ envSchema, serviceDefinition, AppModule });
  });
  afterAll(async () => {
    await t?.close();
    clearEnteredCalendars();
  });

  it('PUT /calendar/2027 moves a deadline that falls on a holiday it declares; versioned, with who entered it', async () => {
    // January 2027 wages, payday 15: Mon 15 Feb. Without the calendar, Monday–Friday: due that day, + 2 grace.
    expect(wageDeadline('2027-01', { payday: 15, graceDays: 2 })).toMatchObject({
      dueDate: '2027-02-15',
      deadline: '2027-02-17',
      calendarKnown: false,
    });
    const missing = await t.http.get('/api/v1/calendar/2027').set(inspector()).expect(200);
    expect(missing.body).toMatchObject({
      year: 2027,
      known: false,
      source: null,
      holidays: [],
      versions: [],
    });

    const entered = await t.http.put('/api/v1/calendar/2027').set(admin()).send(NOTICE).expect(200);
    expect(entered.body).toMatchObject({
      year: 2027,
      version: 1,
      holidays: NOTICE.holidays.sort(),
      workingDays: ['2027-02-07', '2027-02-20'],
      source: NOTICE.source,
      enteredBy: 'admin',
      reevaluated: { evaluated: expect.any(Number) },
    });
    // 15 Feb is now a holiday: due on the working day before it, Wed 10 Feb; + 2 = Fri 12 Feb.
    expect(wageDeadline('2027-01', { payday: 15, graceDays: 2 })).toMatchObject({
      dueDate: '2027-02-10',
      deadline: '2027-02-12',
      calendarKnown: true,
    });

    // A correction is a new version; both are kept, the latest applies.
    const corrected = { ...NOTICE, holidays: NOTICE.holidays.filter((d) => d !== '2027-02-15') };
    await t.http.put('/api/v1/calendar/2027').set(admin()).send(corrected).expect(200);
    const shown = await t.http.get('/api/v1/calendar/2027').set(inspector()).expect(200);
    expect(shown.body).toMatchObject({ known: true, version: 2 });
    expect(shown.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(wageDeadline('2027-01', { payday: 15, graceDays: 2 }).dueDate).toBe('2027-02-15');

    // Another instance (or this one restarted) loads it from the database.
    clearEnteredCalendars();
    expect(isYearCalendarKnown(2027)).toBe(false);
    await t.app.get(OfficialCalendarService).reload();
    expect(isYearCalendarKnown(2027)).toBe(true);
  });

  it("answers the package's data for a year it has", async () => {
    const res = await t.http.get('/api/v1/calendar/2026').set(inspector()).expect(200);
    expect(res.body).toMatchObject({ known: true, source: 'chinese-days', versions: [] });
    expect(res.body.holidays).toContain('2026-10-01');
    expect(res.body.workingDays).toContain('2026-10-10');
  });

  it('warns on /health from 1 November while next year is missing', () => {
    const service = t.app.get(OfficialCalendarService);
    expect(service.warnings(new Date('2027-10-31T12:00:00+08:00'))).toEqual([]);
    expect(service.warnings(new Date('2027-11-01T00:00:00+08:00'))).toEqual([
      expect.stringContaining('The official calendar of 2028 is missing'),
    ]);
    // 2027 is entered above (and 2026 is packaged): no warning for it in November 2026.
    expect(service.warnings(new Date('2026-11-15T12:00:00+08:00'))).toEqual([]);
  });

  it('refuses a calendar from anyone but the administrator, and an unsound one, saying why', async () => {
    await t.http.put('/api/v1/calendar/2028').set(inspector()).send(NOTICE).expect(403);
    const wrongYear = await t.http.put('/api/v1/calendar/2028').set(admin()).send(NOTICE).expect(400);
    expect(wrongYear.body.message).toContain('"2027-01-01" is not a date YYYY-MM-DD of 2028');
    const both = await t.http
      .put('/api/v1/calendar/2028')
      .set(admin())
      .send({ holidays: ['2028-01-01'], workingDays: ['2028-01-01'], source: 'x' })
      .expect(400);
    expect(both.body.message).toContain('cannot be both a holiday and a working day');
    const noSource = await t.http
      .put('/api/v1/calendar/2028')
      .set(admin())
      .send({ holidays: [], workingDays: [], source: ' ' })
      .expect(400);
    expect(noSource.body.details).toEqual([expect.objectContaining({ field: 'source' })]);
    await t.http.put('/api/v1/calendar/1999').set(admin()).send(NOTICE).expect(400);
    const health = await t.http.get('/health').expect(200);
    expect(health.body.status).toBe('ok');
  });
});
