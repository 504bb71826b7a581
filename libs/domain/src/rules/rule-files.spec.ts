import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_CODES } from '@wage/contracts';
import type { RuleCode } from './finding';
import { RULE_EVALUATORS } from './index';

// One rule, one file, one name: ALERT_CODES entry WAGE_ARREARS is evaluated by `evaluateWageArrears`, exported
// from `wage-arrears.ts` with its scenario table in `wage-arrears.spec.ts` (CONTRIBUTING.md, "A new rule").

const kebab = (code: string) => code.toLowerCase().replaceAll('_', '-');
const pascal = (code: string) =>
  code
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

describe('one file per rule code', () => {
  it.each(ALERT_CODES.map((code) => [code]))('%s has its file and its scenario table', (code) => {
    expect({ code, file: existsSync(join(__dirname, `${kebab(code)}.ts`)) }).toEqual({ code, file: true });
    expect({ code, spec: existsSync(join(__dirname, `${kebab(code)}.spec.ts`)) }).toEqual({
      code,
      spec: true,
    });
  });

  it.each(ALERT_CODES.map((code) => [code]))('%s is evaluated by evaluate<Code> from its file', (code) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`./${kebab(code)}`) as Record<string, unknown>;
    const name = `evaluate${pascal(code)}`;
    expect(typeof module[name]).toBe('function');
    expect(RULE_EVALUATORS[code as RuleCode]).toBe(module[name]);
  });

  it('maps exactly the contract codes to evaluators', () => {
    expect(Object.keys(RULE_EVALUATORS).sort()).toEqual([...ALERT_CODES].sort());
  });
});
