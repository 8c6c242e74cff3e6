// `timeline(...)` compiled: the resolver's SQL (timeline/timeline.sql.ts) with the page's JSON
// built around it, events and statements through the TimelineItem union.
import { DEFAULT_PAGE_SIZE } from '../schema/builder.ts';
import {
  endOfPeriodExclusive,
  type PartialDate,
  parsePartialDate,
} from '../shared/partial-date.ts';
import { decodeTimelineCursor } from '../timeline/cursor.ts';
import { timelineSql } from '../timeline/timeline.sql.ts';
import type { UnionType } from './selection.ts';
import {
  base64urlSql,
  type FieldSql,
  idOf,
  isPageSize,
  pageSql,
  unionRecordSql,
} from './sql-builder.ts';
import { EVENT, STATEMENT } from './types.ts';

/** A PartialDate argument, or null when it is not one (the resolvers then report it). */
function partialDateOf(value: unknown): PartialDate | null {
  if (typeof value !== 'string') return null;
  try {
    return parsePartialDate(value);
  } catch {
    return null;
  }
}

const TIMELINE_ITEM: UnionType = { name: 'TimelineItem', members: ['Event', 'Statement'] };

/** `timeline(...)`: the resolver's SQL (timeline.sql.ts) with the page's JSON built around it. */
export const timeline: FieldSql = (st, _alias, field) => {
  const { actor, topic, from, to, first = DEFAULT_PAGE_SIZE, after, ...others } = field.args;
  const actorId = actor === undefined ? undefined : idOf(actor, 'Actor');
  const topicId = topic === undefined ? undefined : idOf(topic, 'Topic');
  const start = from === undefined ? undefined : partialDateOf(from);
  const end = to === undefined ? undefined : partialDateOf(to);
  const afterKey =
    after === undefined
      ? undefined
      : typeof after === 'string'
        ? decodeTimelineCursor(after)
        : null;
  const given = [actorId, topicId, start, end, afterKey];
  if (Object.keys(others).length || !isPageSize(first) || given.includes(null)) return null;

  const sql = timelineSql(
    {
      actorId: actorId ?? undefined,
      topicId: topicId ?? undefined,
      from: start?.date,
      before: end ? endOfPeriodExclusive(end) : undefined,
      includeDrafts: st.includeDrafts,
    },
    st.add,
    { after: afterKey ?? undefined, limit: first + 1 },
  );
  return pageSql(st, field, first, {
    rows: () => sql.page,
    order: (a) => `${a}.date, ${a}.kind, ${a}.id`,
    // The resolver's: 0 on an empty page, since it counts alongside the page's rows.
    totalCount: () => `CASE WHEN count(*) = 0 THEN 0 ELSE (${sql.count})::int END`,
    cursor: {
      text: (page) =>
        `'["' || ${page}.date::text || '","' || ${page}.kind || '","' || ${page}.id::text || '"]'`,
      encode: base64urlSql,
    },
    node: (page, selected) =>
      unionRecordSql(st, TIMELINE_ITEM, [EVENT, STATEMENT], page, `${page}.kind`, selected),
  });
};
