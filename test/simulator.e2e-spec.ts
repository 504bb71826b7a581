import { randomBytes } from 'node:crypto';
import { INJECTABLE_CODES } from '../apps/simulator/src/plan';
import { parseViolations, runSimulation, type SimulationResult } from '../apps/simulator/src/simulation';
import { expectTheGroundTruth, startDistrict, type District } from './support/district';

/**
 * The settle period of absence verdicts: as short as is safe, i.e. well above the time one project's data take to
 * arrive (about ten workers over two months: a few seconds, more on a busy machine).
 */
const SETTLE_SECONDS = 30;

/**
 * A small district — 17 projects of about 10 workers over the last two complete months, every rule of the
 * catalogue injected once, delivered as real districts deliver (CSV rolls, bank feeds before the sheets, late and
 * stale feeds, a suspension) — pushed only through the gateway to every service running as a real process, with
 * an inspector of the district receiving e-mail at a mail catcher. Everything inspectors are shown must be the
 * simulator's ground truth: every injected violation found, no alert outside it at any moment, no notification
 * about one.
 */
describe('a simulated district through the whole platform', () => {
  let district: District;
  let result: SimulationResult;
  const progress: string[] = [];

  beforeAll(async () => {
    district = await startDistrict({ settleSeconds: SETTLE_SECONDS });
    result = await runSimulation({
      gateway: district.gateway.url,
      adminKey: district.secrets.ADMIN_API_KEY,
      region: '350206',
      projects: 17,
      workers: 10,
      months: 2,
      seed: `e2e${randomBytes(3).toString('hex')}`,
      violations: parseViolations('all'),
      settleSeconds: SETTLE_SECONDS,
      settleTimeoutMs: 120_000,
      mailCatcher: district.mailWeb,
      log: (line) => progress.push(line),
    });
  }, 900_000);

  afterAll(async () => {
    await district?.stop();
  });

  it('raises every injected violation with its code, and nothing else at any moment', () => {
    console.log(`${progress.join('\n')}\n\n${result.summary}`);
    expectTheGroundTruth(result);
  });

  it('notifies the inspector of real violations only', () => {
    const comparison = result.comparison!;
    expect(comparison.notificationsForFalse).toBe(0);
    expect(comparison.mails?.forFalse).toBe(0);
    // Something was sent: the district's inspector hears of the non-BLUE injected violations.
    expect(comparison.notifications).toBeGreaterThan(0);
    expect(comparison.mails?.total).toBeGreaterThan(0);
  });

  it('covers every rule of the catalogue, and leaves the clean projects alone', () => {
    const truth = result.truth;
    const reachable = new Set(truth.projects.flatMap((p) => p.expected.map((e) => e.code)));
    const unreachable = new Set(truth.unreachable.map((u) => u.code));
    // A rule whose timing cannot be met today (e.g. the balance watch on a long holiday) is said so in the truth.
    expect(INJECTABLE_CODES.filter((code) => !reachable.has(code) && !unreachable.has(code))).toEqual([]);
    expect(truth.projects.filter((p) => p.clean).length).toBe(2);
    expect(result.comparison!.cleanProjectsWithAlerts).toBe(0);
  });

  it("opens cases from the gravest alerts and decides the workers' clues, and the leaders' statistics count them", () => {
    const casework = result.casework!;
    expect(casework.casesOpened).toBeGreaterThanOrEqual(2);
    expect(casework.casesClosed).toBe(1);
    expect(casework.actions).toBe(2 * (casework.casesOpened - casework.complaints.accepted));
    expect(casework.complaints).toEqual({ submitted: 2, accepted: 1, refused: 1 });
    expect(casework.statistics).toMatchObject({
      casesOpened: casework.casesOpened,
      casesClosed: 1,
      closedWithinLimit: 1,
      amountRecovered: casework.recovered,
    });
    expect(Number(casework.recovered)).toBeGreaterThan(0);
  });
});
