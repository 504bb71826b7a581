import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/infra.sh');

/** Runs `infra.sh kafka-up` from `root` against a port, with its state in a scratch folder. */
function kafkaUp(script: string, port: number, state: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [script, 'kafka-up'],
      { env: { ...process.env, KAFKA_PORT: String(port), INFRA_STATE_DIR: state }, timeout: 60_000 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

// Found by the attack pass (issue 16 item 12): `npm run infra:up` before `npm ci`, with a broker already on 9092,
// said "it is not a Kafka broker": the readiness check needed kafkajs, which was not installed yet.
describe('scripts/infra.sh kafka-up', () => {
  let server: net.Server;
  let port: number;
  let scratch: string;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    // Something that accepts connections on the port and hangs up at once: no broker.
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    scratch = mkdtempSync(path.join(tmpdir(), 'infra-script-'));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  });

  it('says to run npm ci first when kafkajs is not installed, whatever answers on the port', async () => {
    // A checkout without node_modules: the script copied where no kafkajs can be resolved.
    const checkout = path.join(scratch, 'checkout');
    mkdirSync(path.join(checkout, 'scripts'), { recursive: true });
    copyFileSync(SCRIPT, path.join(checkout, 'scripts/infra.sh'));
    const answer = await kafkaUp(
      path.join(checkout, 'scripts/infra.sh'),
      port,
      path.join(scratch, 'state-a'),
    );
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('needs kafkajs from node_modules');
    expect(answer.stderr).toContain('run `npm ci` first');
    expect(answer.stderr).not.toContain('not a Kafka broker');
  });

  it('says the port holds no Kafka broker when kafkajs is installed and the port does not answer as one', async () => {
    const answer = await kafkaUp(SCRIPT, port, path.join(scratch, 'state-b'));
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain(`something answers on 127.0.0.1:${port} but it is not a Kafka broker`);
  });
});
