// Creating citations: anchor the passage in the source (from an exact text or from offsets) and
// store it with its revision. Shared by citePassage and by statement/event creation.
import type { CitationRole } from '../db/generated/prisma/enums.ts';
import { createRecord, notFound } from '../records/change.ts';
import type { Tx } from '../records/models.ts';
import type { Viewer } from '../schema/context.ts';
import { BadUserInputError, DomainError } from '../schema/errors.ts';
import { decodeIdOf } from '../schema/global-id.ts';
import { optionalPlainText } from '../schema/validate.ts';
import { normalizeText } from '../shared/text.ts';
import {
  type Anchor,
  AnchorError,
  anchorOffsets,
  anchorQuote,
  InvalidRangeError,
  InvalidSelectorError,
  QuoteNotFoundError,
} from './anchor.ts';

export interface PassageInput {
  source: string;
  exact?: string | null;
  prefix?: string | null;
  suffix?: string | null;
  start?: number | null;
  end?: number | null;
  role?: CitationRole | null;
  note?: string | null;
}

const MAX_PASSAGE = 20_000;

/** Anchors a passage given as exact text (optionally with context or start) or as offsets. */
export function anchorPassage(body: string, input: PassageInput, field: string): Anchor {
  const hasExact = typeof input.exact === 'string' && input.exact.length > 0;
  const hasRange =
    input.start !== null &&
    input.start !== undefined &&
    input.end !== null &&
    input.end !== undefined;
  if (!hasExact && !hasRange) {
    throw new BadUserInputError(
      `${field}: give the exact text of the passage, or its start and end offsets`,
      `${field}.exact`,
    );
  }
  if (hasExact && (input.exact as string).length > MAX_PASSAGE) {
    throw new BadUserInputError(
      `${field}.exact is too long: at most ${MAX_PASSAGE} characters`,
      `${field}.exact`,
    );
  }
  try {
    if (!hasExact) return anchorOffsets(body, input.start as number, input.end as number);
    const anchor = anchorQuote(body, {
      exact: normalizeText(input.exact as string),
      ...(input.prefix ? { prefix: normalizeText(input.prefix) } : {}),
      ...(input.suffix ? { suffix: normalizeText(input.suffix) } : {}),
      ...(input.start !== null && input.start !== undefined ? { start: input.start } : {}),
    });
    if (hasRange && anchor.end !== input.end) {
      throw new BadUserInputError(
        `${field}: end does not match the exact text at start`,
        `${field}.end`,
      );
    }
    return anchor;
  } catch (error) {
    if (error instanceof QuoteNotFoundError) {
      throw new DomainError('QUOTE_NOT_FOUND', error.message, { field: `${field}.exact` });
    }
    if (error instanceof InvalidRangeError)
      throw new BadUserInputError(error.message, `${field}.start`);
    if (error instanceof InvalidSelectorError)
      throw new BadUserInputError(error.message, `${field}.${error.field}`);
    if (error instanceof AnchorError) throw new BadUserInputError(error.message, `${field}.exact`);
    throw error;
  }
}

/** Anchors and stores a citation of `target`; returns its id. */
export async function createCitation(
  tx: Tx,
  viewer: Viewer,
  target: { statementId: string } | { eventId: string },
  input: PassageInput,
  field: string,
): Promise<string> {
  const sourceId = decodeIdOf(input.source, ['Source'], `${field}.source`);
  const source = await tx.source.findUnique({
    where: { id: sourceId },
    select: { body: true, deletedAt: true },
  });
  if (!source || source.deletedAt) throw notFound('Source');
  const anchor = anchorPassage(source.body, input, field);
  const note =
    optionalPlainText(input.note, `${field}.note`, { max: 2_000, multiline: true }) ?? null;
  return createRecord(tx, 'Citation', viewer, (audit) =>
    tx.citation.create({
      data: {
        sourceId,
        ...target,
        ...anchor,
        role: input.role ?? 'SUPPORTS',
        note,
        // A citation is shown when its source and its statement or event are: it has no
        // workflow of its own.
        status: 'PUBLISHED',
        ...audit,
      },
      select: { id: true },
    }),
  );
}
