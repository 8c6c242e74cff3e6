// Rules that span records: a published statement or event keeps at least one citation, and a
// direct quote keeps a citation whose passage contains its words (quote fidelity).
import type { StatementKind } from '../db/generated/prisma/enums.ts';
import { DomainError } from '../schema/errors.ts';
import type { Tx } from './models.ts';

/** Live citations of a statement or event. */
async function liveCitations(tx: Tx, target: { statementId: string } | { eventId: string }) {
  return tx.citation.findMany({
    where: { ...target, deletedAt: null },
    select: { id: true, exact: true },
  });
}

/** Throws unless the statement, as it is now in `tx`, satisfies quote fidelity. */
export async function assertQuoteFidelity(
  tx: Tx,
  statementId: string,
  field = 'text',
  /** The statement as the caller has just written it, when it has it at hand. */
  written?: { kind: StatementKind; text: string },
): Promise<void> {
  const statement =
    written ??
    (await tx.statement.findUnique({
      where: { id: statementId },
      select: { kind: true, text: true },
    }));
  if (statement?.kind !== 'DIRECT_QUOTE') return;
  const citations = await liveCitations(tx, { statementId });
  if (!citations.some((citation) => citation.exact.includes(statement.text))) {
    throw new DomainError(
      'QUOTE_NOT_FOUND',
      citations.length === 0
        ? 'A direct quote needs a citation: cite the passage that contains its words (citations in the input).'
        : 'A direct quote must appear word for word in one of its cited passages: correct the text, or cite the passage that contains it.',
      { field },
    );
  }
}

/** Throws when a published statement or event would be left without any citation. */
export async function assertPublishedHasCitation(
  tx: Tx,
  target: { statementId: string } | { eventId: string },
): Promise<void> {
  const record =
    'statementId' in target
      ? await tx.statement.findUnique({
          where: { id: target.statementId },
          select: { status: true },
        })
      : await tx.event.findUnique({ where: { id: target.eventId }, select: { status: true } });
  if (record?.status !== 'PUBLISHED') return;
  if ((await liveCitations(tx, target)).length === 0) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'A published record must keep at least one citation: cite another passage first, or unpublish it.',
    );
  }
}

/** Why a record cannot be purged (what still refers to it), or null. */
export async function purgeBlocker(tx: Tx, model: string, id: string): Promise<string | null> {
  const counts: [number, string][] = [];
  if (model === 'Source')
    counts.push([await tx.citation.count({ where: { sourceId: id } }), 'citations']);
  if (model === 'Actor') {
    counts.push([
      await tx.statement.count({ where: { speakerId: id } }),
      'statements by this actor',
    ]);
    counts.push([
      await tx.eventParticipant.count({ where: { actorId: id } }),
      'event participations',
    ]);
    counts.push([
      await tx.actorPosition.count({ where: { organizationId: id } }),
      'positions in this organisation',
    ]);
  }
  if (model === 'Event') {
    counts.push([await tx.event.count({ where: { parentId: id } }), 'events that are part of it']);
    counts.push([await tx.statement.count({ where: { eventId: id } }), 'statements linked to it']);
  }
  if (model === 'Topic') {
    counts.push([await tx.eventTopic.count({ where: { topicId: id } }), 'events on this topic']);
    counts.push([
      await tx.statementTopic.count({ where: { topicId: id } }),
      'statements on this topic',
    ]);
  }
  const blocking = counts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  return blocking.length ? blocking.join(', ') : null;
}
