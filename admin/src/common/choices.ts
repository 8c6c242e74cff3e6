// The API's enums as choices for selects, labelled for people.
export interface Choice {
  id: string;
  name: string;
}

const label = (value: string) =>
  value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

const choices = (...values: string[]): Choice[] => values.map((id) => ({ id, name: label(id) }));

export const STATUS_CHOICES = choices('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');
export const SOURCE_KIND_CHOICES = choices(
  'ARTICLE',
  'PRESS_RELEASE',
  'SOCIAL_POST',
  'TRANSCRIPT',
  'OFFICIAL_STATEMENT',
  'OTHER',
);
export const EVENT_KIND_CHOICES = choices(
  'MEETING',
  'VISIT',
  'EXERCISE',
  'ANNOUNCEMENT',
  'AGREEMENT',
  'CEREMONY',
  'PRESS_CONFERENCE',
  'OTHER',
);
export const PARTICIPANT_ROLE_CHOICES = choices(
  'HOST',
  'VISITOR',
  'ATTENDEE',
  'ORGANIZER',
  'DELEGATION_MEMBER',
  'SUBJECT',
  'OTHER',
);
export const STATEMENT_KIND_CHOICES = choices('DIRECT_QUOTE', 'PARAPHRASE');
export const STATEMENT_CHANNEL_CHOICES = choices(
  'PRESS_RELEASE',
  'SOCIAL_MEDIA_POST',
  'INTERVIEW',
  'REMARKS',
  'SPEECH',
  'PRESS_CONFERENCE',
  'OFFICIAL_STATEMENT',
  'OTHER',
);
export const STATEMENT_RANK_CHOICES = choices('PREFERRED', 'NORMAL', 'DEPRECATED');
export const DATE_QUALIFIER_CHOICES = choices('EXACT', 'APPROXIMATE', 'INFERRED');
export const ACTOR_KIND_CHOICES = choices('PERSON', 'ORGANIZATION');
export const CITATION_ROLE_CHOICES = choices('SUPPORTS', 'CONTRADICTS', 'CONTEXT');
export const ANCHOR_STATUS_CHOICES = choices('EXACT', 'FUZZY', 'ORPHANED');
export const USER_ROLE_CHOICES = choices('VIEWER', 'EDITOR', 'REVIEWER', 'ADMIN');
