import type { Severity } from '@wage/contracts';
import { NATIONAL_REGION, covers, parentRegion, regionPrefix } from '@wage/domain';
import type { User } from '../users/user.repository';

export const CHANNELS = ['EMAIL', 'WEBHOOK', 'WECOM', 'DINGTALK'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * "Most specific first": of the people whose region covers the alert's region, only those at the most specific
 * level that has anyone are notified (a district's inspectors, else the city's, else the province's, else national).
 */
export function mostSpecific(people: User[], alertRegion: string): User[] {
  const covering = people.filter((person) => covers(person.regionCode, alertRegion));
  const depth = Math.max(-1, ...covering.map((person) => regionPrefix(person.regionCode).length));
  return covering.filter((person) => regionPrefix(person.regionCode).length === depth);
}

/** The regions above the alert's, nearest first, ending with the nation: where escalation looks for leaders. */
export function regionsAbove(alertRegion: string): string[] {
  const above: string[] = [];
  for (let region = parentRegion(alertRegion); region !== null; region = parentRegion(region))
    above.push(region);
  if (alertRegion !== NATIONAL_REGION) above.push(NATIONAL_REGION);
  return above;
}

/** The channels a person can be reached on; the daily digest leaves webhooks out (they carry one alert each). */
export function channelsOf(person: User, forDigest = false): Channel[] {
  const channels: Channel[] = [];
  if (person.email) channels.push('EMAIL');
  if (person.webhookUrl && !forDigest) channels.push('WEBHOOK');
  if (person.wecomWebhook) channels.push('WECOM');
  if (person.dingtalkWebhook) channels.push('DINGTALK');
  return channels;
}

/** Unacknowledged alerts go to the leaders above after these many hours (docs/domain.md); BLUE never escalates. */
export const ESCALATE_AFTER_HOURS: Partial<Record<Severity, number>> = { RED: 4, ORANGE: 24, YELLOW: 72 };
