// The Prisma enums, exposed to GraphQL with descriptions.
import {
  ActorKind,
  AnchorStatus,
  CitationRole,
  DatePrecision,
  DateQualifier,
  EditorialStatus,
  EventKind,
  ParticipantRole,
  SourceKind,
  StatementChannel,
  StatementKind,
  StatementRank,
} from '../db/generated/prisma/enums.ts';
import { builder } from './builder.ts';

export const SourceKindEnum = builder.enumType(SourceKind, {
  name: 'SourceKind',
  description: 'What kind of work a source is.',
});
export const DatePrecisionEnum = builder.enumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How much of a date is known.',
});
export const DateQualifierEnum = builder.enumType(DateQualifier, {
  name: 'DateQualifier',
  description: 'How a date was established: stated, approximate, or inferred by an editor.',
});
export const EditorialStatusEnum = builder.enumType(EditorialStatus, {
  name: 'EditorialStatus',
  description: 'Where a record is in the editorial workflow. Anonymous clients see PUBLISHED only.',
});
export const ActorKindEnum = builder.enumType(ActorKind, { name: 'ActorKind' });
export const EventKindEnum = builder.enumType(EventKind, { name: 'EventKind' });
export const ParticipantRoleEnum = builder.enumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The part an actor played in an event.',
});
export const StatementKindEnum = builder.enumType(StatementKind, { name: 'StatementKind' });
export const StatementChannelEnum = builder.enumType(StatementChannel, {
  name: 'StatementChannel',
  description: 'The channel a statement came through.',
});
export const StatementRankEnum = builder.enumType(StatementRank, {
  name: 'StatementRank',
  description: 'Corrections deprecate a statement (with a reason) instead of erasing it.',
});
export const CitationRoleEnum = builder.enumType(CitationRole, { name: 'CitationRole' });
export const AnchorStatusEnum = builder.enumType(AnchorStatus, {
  name: 'AnchorStatus',
  description:
    'EXACT: the passage is where it was anchored. FUZZY: found approximately after the source ' +
    'changed. ORPHANED: no longer found; needs an editor.',
});

export const SortDirectionEnum = builder.enumType('SortDirection', {
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});
