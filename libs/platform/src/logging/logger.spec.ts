import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { runWithRequestContext } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test-service', level: 'debug', destination }) };
}

const idNumber = '11010519491231002X';
const cardNumber = '6222021234567890123';

describe('structured logger', () => {
  it('writes JSON lines with the service name and the id of the request being served', () => {
    const { lines, logger } = capture();
    runWithRequestContext({ requestId: 'req-42' }, () => logger.info({ rows: 3 }, 'batch accepted'));
    logger.info('outside any request');
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'test-service',
      requestId: 'req-42',
      rows: 3,
      msg: 'batch accepted',
    });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it.each([
    ['a message', () => [`worker ${idNumber} paid to card ${cardNumber}`]],
    ['a field under a known key', () => [{ idNumber, bankCard: { cardNumber } }, 'row']],
    ['a nested value of any name', () => [{ rows: [{ note: `id ${idNumber}` }] }, 'row']],
    ['an error', () => [{ err: new Error(`duplicate identity ${idNumber}`) }, 'failed']],
  ])('never writes a clear identity or card number in %s', (_case, args) => {
    const { lines, logger } = capture();
    (logger.info as (...a: unknown[]) => void)(...args());
    const written = JSON.stringify(lines[0]);
    expect(written).not.toContain(idNumber);
    expect(written).not.toContain(cardNumber);
    expect(written).toMatch(/110105\*{8}002X|\*{8}/);
  });

  it('hides secrets entirely', () => {
    const { lines, logger } = capture();
    logger.info({ password: 'hunter2', headers: { authorization: 'Bearer abc' } }, 'login');
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter2|Bearer abc/);
  });
});
