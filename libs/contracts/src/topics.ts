/**
 * Kafka topics. Never rename one: a breaking change is a new version (`.v2`).
 * Every event is keyed by its project code so that one project's events stay ordered in one partition.
 */
export const Topics = {
  project: 'wage.project.events.v1',
  roster: 'wage.roster.events.v1',
  account: 'wage.account.events.v1',
  alert: 'wage.alert.events.v1',
  assessment: 'wage.assessment.events.v1',
  /** Cases, findings (and later grades and listings) of enforcement-service. */
  enforcement: 'wage.enforcement.events.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

/** Messages that could not be processed go to `<topic>.dlq` with the reason in their headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
