// Loaded into a service with NODE_OPTIONS="--require bench/cpu-profile.js" (node refuses --cpu-prof there):
// profiles the whole process and writes a .cpuprofile into BENCH_CPU_PROFILE_DIR when it exits.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  const write = () => {
    process.off('SIGTERM', write);
    // A session in the same thread answers synchronously, so the file is written before shutdown goes on.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // Nest re-raises SIGTERM after its shutdown hooks, so 'exit' never fires: write when the signal arrives.
  process.on('SIGTERM', write);
}
