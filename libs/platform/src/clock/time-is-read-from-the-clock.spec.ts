import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * Apps that are not services and have no injector to take a clock from: the browser console reads the time of the
 * person at the screen, and the CLI simulator stamps what it sends with the time it runs at.
 */
const NOT_SERVICES = ['web-console', 'simulator'];

/** The one place that may ask the system for the time, and what no service runs: tests, test kits, migrations. */
const OUTSIDE_THE_RULE = [
  /^libs\/platform\/src\/clock\//,
  /\.(int-|e2e-)?spec\.tsx?$/,
  /(^|\/)testing\//,
  /(^|\/)migrations\//,
];

/** Every `.ts` file of the services and libraries that the rule covers. */
function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) found.push(relative(ROOT, path));
    }
  };
  for (const app of readdirSync(join(ROOT, 'apps'))) {
    if (!NOT_SERVICES.includes(app)) walk(join(ROOT, 'apps', app, 'src'));
  }
  for (const lib of readdirSync(join(ROOT, 'libs'))) walk(join(ROOT, 'libs', lib, 'src'));
  return found.filter((file) => !OUTSIDE_THE_RULE.some((pattern) => pattern.test(file))).sort();
}

/**
 * `new Date()` with no arguments: the system's time, read behind the clock's back. `new Date(x)` converts an
 * instant and is fine. `Date.now()` may still measure a duration or a deadline of the process itself (job timings,
 * the read-model barrier's deadline, the outbox relay's backoff, the gateway's document cache): those are not
 * instants of the domain. Compared with one (an `asOf`, a due date), it must be `clock.now()` too, which this test
 * cannot tell apart, so review it.
 */
const SYSTEM_TIME = /\bnew\s+Date\s*\(\s*\)/;

function readsOfTheSystemTime(file: string): string[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (SYSTEM_TIME.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe('time is read from the clock', () => {
  const files = sourceFiles();

  it('scans every service and library', () => {
    for (const place of [
      'apps/alert-service/src/',
      'apps/enforcement-service/src/',
      'apps/gateway/src/',
      'apps/report-service/src/',
      'apps/roster-service/src/',
      'apps/rules-engine/src/',
      'apps/wage-account-service/src/',
      'apps/worker-portal/src/',
      'libs/contracts/src/',
      'libs/domain/src/',
      'libs/platform/src/',
    ]) {
      expect(files.some((file) => file.startsWith(place))).toBe(true);
    }
    expect(files.some((file) => file.includes('/testing/') || file.includes('.spec.'))).toBe(false);
  });

  it('tells a read of the system time from a conversion', () => {
    expect(
      ['const now = new Date();', 'at = new Date( ).toISOString()', 'now = new Date()'].map((line) =>
        SYSTEM_TIME.test(line),
      ),
    ).toEqual([true, true, true]);
    expect(
      ['new Date(row.at)', "new Date('2026-10-01')", 'new DateRange()'].map((line) => SYSTEM_TIME.test(line)),
    ).toEqual([false, false, false]);
  });

  it('finds no `new Date()` outside the clock: inject `Clock` and call `this.clock.now()`', () => {
    expect(files.flatMap(readsOfTheSystemTime)).toEqual([]);
  });
});
