import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ARTIFACTS = resolve(__dirname, '../artifacts');
const SECTIONS = resolve(ARTIFACTS, 'reliability-sections');

/** One check of the reliability suite: what was tried, and whether it held. */
export interface Finding {
  check: string;
  tried: number;
  held: number;
  /** What did not hold, precisely enough to reproduce (endpoint, input, answer). */
  failures: string[];
  figures?: Record<string, number | string>;
}

/**
 * Collects the findings of one test file and writes them as a section of test/artifacts/reliability-report.json
 * (and .md). Each file writes its own section file first and then rebuilds the whole report from every section,
 * so test files running in parallel never overwrite each other's figures.
 */
export class ReliabilityReport {
  private readonly findings: Finding[] = [];

  constructor(private readonly section: string) {}

  add(finding: Finding): void {
    this.findings.push(finding);
  }

  write(): void {
    mkdirSync(SECTIONS, { recursive: true });
    writeFileSync(
      resolve(SECTIONS, `${this.section}.json`),
      `${JSON.stringify({ section: this.section, writtenAt: new Date().toISOString(), findings: this.findings }, null, 2)}\n`,
    );
    const sections = readdirSync(SECTIONS)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map(
        (file) =>
          JSON.parse(readFileSync(resolve(SECTIONS, file), 'utf8')) as {
            section: string;
            writtenAt: string;
            findings: Finding[];
          },
      );
    writeFileSync(
      resolve(ARTIFACTS, 'reliability-report.json'),
      `${JSON.stringify({ sections }, null, 2)}\n`,
    );
    const lines = ['# Reliability report', ''];
    for (const { section, writtenAt, findings } of sections) {
      lines.push(
        `## ${section} (${writtenAt})`,
        '',
        '| check | tried | held | figures |',
        '|---|---|---|---|',
      );
      for (const f of findings) {
        const figures = Object.entries(f.figures ?? {})
          .map(([name, value]) => `${name}: ${value}`)
          .join('; ');
        lines.push(`| ${f.check} | ${f.tried} | ${f.held} | ${figures} |`);
      }
      const failed = findings.filter((f) => f.failures.length > 0);
      for (const f of failed) {
        lines.push('', `### did not hold: ${f.check}`, '', ...f.failures.slice(0, 50).map((x) => `- ${x}`));
      }
      lines.push('');
    }
    writeFileSync(resolve(ARTIFACTS, 'reliability-report.md'), `${lines.join('\n')}\n`);
  }
}
