import { parseArguments, USAGE } from './cli';
import { runSimulation } from './simulation';

/** The command line: `node dist/apps/simulator/main.js --help`. */
async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2), process.env);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const log = (line: string) => process.stdout.write(`[simulator] ${line}\n`);
  const result = await runSimulation({ ...options, log });
  log(`ground truth written to ${options.truthFile}`);
  if (result.summary) process.stdout.write(`\n${result.summary}\n`);
  const c = result.comparison;
  if (c && (c.missed.length > 0 || c.falseAlerts.length > 0 || c.notificationsForFalse > 0))
    process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`simulator: ${(error as Error).message}`);
  process.exitCode = 1;
});
