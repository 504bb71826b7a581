import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_CODES, SEVERITIES, VerificationResult, VerificationSubject } from '@wage/contracts';

// The console is bundled without libs/contracts (it would pull zod into the page): its lists of codes are generated
// from the contract (api-values.generated.ts, `npm run console:api-types`) and checked against it here, and a code
// added to the contract without a title, explanation or label in the console fails this test, not a screen.

const source = (file: string) => readFileSync(join(__dirname, file), 'utf8');

function listed(file: string, name: string): string[] {
  const match = new RegExp(`export const ${name}(?:: [A-Za-z]+\\[\\])? = \\[([^\\]]*)\\]`).exec(source(file));
  if (!match) throw new Error(`${file} declares no ${name}`);
  return [...match[1].matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
}

describe("the console's codes are the contract's", () => {
  it('lists every alert code of libs/contracts, in its order', () => {
    expect(listed('api-values.generated.ts', 'ALERT_CODES')).toEqual([...ALERT_CODES]);
  });

  it('names and explains every alert code in both languages', () => {
    const i18n = source('i18n.tsx');
    const evidence = source('evidence.tsx');
    for (const code of ALERT_CODES) {
      expect({ code, labels: i18n.split(`code_${code}:`).length - 1 }).toEqual({ code, labels: 2 });
      expect({ code, explained: evidence.includes(`  ${code}: {\n    what:`) }).toEqual({
        code,
        explained: true,
      });
      expect({ code, english: evidence.includes(`  ${code}: '`) }).toEqual({ code, english: true });
    }
  });

  it("lists the severities in the contract's order (BLUE to RED), which the console reverses", () => {
    expect(listed('api-values.generated.ts', 'SEVERITIES')).toEqual([...SEVERITIES]);
    expect(source('api.tsx')).toContain(
      'SEVERITIES: readonly Severity[] = [...CONTRACT_SEVERITIES].reverse()',
    );
  });
});

describe("the grid pages' codes are the contract's", () => {
  it('offers the verification results of VerificationRecorded, with a label in both languages', () => {
    expect(listed('api.tsx', 'VERIFICATION_RESULTS')).toEqual([...VerificationResult.options]);
    for (const result of VerificationResult.options)
      expect({ result, labels: source('i18n.tsx').split(`result_${result}:`).length - 1 }).toEqual({
        result,
        labels: 2,
      });
  });

  it('lists the verification subjects with a label in both languages', () => {
    for (const subject of VerificationSubject.options)
      expect({ subject, labels: source('i18n.tsx').split(`subject_${subject}:`).length - 1 }).toEqual({
        subject,
        labels: 2,
      });
  });
});
