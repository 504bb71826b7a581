import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from as the gateway saw it: the gateway appends the socket's address to
 * X-Forwarded-For, so the last entry is the one no client can forge (earlier ones are whatever the client sent).
 * Without the header (a service called directly, in a test) it is the socket's own address.
 */
export function clientAddress(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const address = hops.at(-1) ?? req.socket.remoteAddress ?? 'unknown';
  // The same client over IPv4 and IPv4-mapped IPv6 is one address.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}
