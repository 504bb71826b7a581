import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** Every `.ts` file (tests aside) under a `use-cases/` folder of a service. */
function useCaseFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string, inside: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, inside || entry.name === 'use-cases');
      else if (inside && entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name))
        found.push(path);
    }
  };
  for (const app of readdirSync(join(ROOT, 'apps'))) walk(join(ROOT, 'apps', app, 'src'), false);
  return found.map((path) => relative(ROOT, path)).sort();
}

/** What betrays HTTP in a use case: the transport's error, Nest's status enum, a literal status in an answer. */
const HTTP_TRACES: [string, RegExp][] = [
  ['ApiError', /\bApiError\b/],
  ['HttpStatus', /\bHttpStatus\b/],
  ['an HTTP status in an answer', /\bstatus:\s*[1-5]\d\d\b/],
  ['an express request or response', /from 'express'/],
];

describe('use cases speak no HTTP', () => {
  const files = useCaseFiles();

  it('finds the use cases of every service', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s throws UseCaseError and returns outcomes, not statuses', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const traces = HTTP_TRACES.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
    expect(traces).toEqual([]);
  });
});
