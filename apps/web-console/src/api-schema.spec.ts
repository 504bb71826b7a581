import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The console's request and answer types are generated from the merged OpenAPI document (scripts/console-api-types.ts):
// an endpoint whose contract changed without the file being regenerated fails here, and once it is regenerated the
// console's typecheck shows every screen the change breaks. openapi-typescript is an ES module that Jest cannot
// load, so the check runs the script itself.

const ROOT = join(__dirname, '../../..');

describe("the console's API types (api-schema.generated.ts)", () => {
  it('are those the merged OpenAPI document gives today', () => {
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'scripts/console-api-types.ts',
        '--check',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' } },
    );
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  }, 180_000);
});
