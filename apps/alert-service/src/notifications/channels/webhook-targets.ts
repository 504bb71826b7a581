import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach unless an administrator allow-lists them: the platform's own network
 * (loopback, private ranges, link-local with the cloud metadata service at 169.254.169.254) and addresses that
 * are not a single host on the internet. Otherwise anyone who can register a webhook could make this service POST
 * to Redis, to the metadata service or to an internal admin page.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

/** IPv4-mapped IPv6 (::ffff:a.b.c.d): a way around the IPv4 rules; no receiver needs it. */
const MAPPED = new BlockList();
MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** A hostname, an IP address or a CIDR network (`10.20.0.0/16`) an administrator allows webhooks to reach. */
export function isAllowListEntry(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  if (prefix === undefined) return isIP(address) !== 0 || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(address);
  const max = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
  return max > 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Where webhooks may go: anywhere public, and internal addresses only when allow-listed. */
export class WebhookTargets {
  private readonly hosts = new Set<string>();
  private readonly allowed = new BlockList();

  constructor(allowList: readonly string[]) {
    for (const entry of allowList) {
      const [address, prefix] = entry.split('/');
      if (prefix !== undefined) this.allowed.addSubnet(address, Number(prefix), family(address));
      else if (isIP(bare(address))) this.allowed.addAddress(bare(address), family(bare(address)));
      else this.hosts.add(address.toLowerCase());
    }
  }

  /**
   * Why a URL is refused as given (an internal address or name not allow-listed), or undefined. A name is
   * resolved at each delivery (`lookup`), since what it points to can change after registration.
   */
  refusal(url: string): string | undefined {
    const hostname = bare(new URL(url).hostname);
    if (this.hosts.has(hostname)) return undefined;
    if (isIP(hostname)) return this.refusedAddress(hostname);
    if (hostname === 'localhost' || hostname.endsWith('.localhost'))
      return `${hostname} is this machine; webhooks go to a receiver on the internet`;
    return undefined;
  }

  /**
   * A `lookup` for node:http that resolves the name once and refuses to connect when any of its addresses is
   * internal, so the checked address is the one connected to (no second, rebound resolution).
   */
  readonly lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = this.hosts.has(bare(hostname))
        ? undefined
        : addresses.map((a) => this.refusedAddress(a.address)).find(Boolean);
      if (refused || addresses.length === 0) {
        const refusal: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to an address webhooks may not reach: ${refused ?? 'none'}`,
        );
        refusal.code = 'WEBHOOK_ADDRESS_NOT_ALLOWED';
        return callback(refusal, []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };

  private refusedAddress(address: string): string | undefined {
    const kind = family(address);
    // BlockList matches an IPv4 address against IPv4-mapped rules too: MAPPED applies to IPv6 addresses only.
    const internal = INTERNAL.check(address, kind) || (kind === 'ipv6' && MAPPED.check(address, kind));
    if (!internal || this.allowed.check(address, kind)) return undefined;
    return (
      `${address} is a loopback, private, link-local or reserved address; webhooks go to receivers on the ` +
      'internet unless an administrator allow-lists the address (WEBHOOK_ALLOWED_HOSTS)'
    );
  }
}
