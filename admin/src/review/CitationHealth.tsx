// Citation health: the citations whose passage moved (FUZZY) or disappeared (ORPHANED) when
// their source was edited, each with the passage as it was and as it is now, side by side.
// "Confirm" keeps the new passage: the API re-anchors but never marks a moved passage EXACT
// again, so the new passage is cited afresh (same target, role and note) and the old citation
// deleted; its history keeps what it pointed at. "Re-cite" opens the reader to select the
// passage by hand, and replaces the old citation with it.
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useCreatePath, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { useCanEdit } from '../common/useCanEdit.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import { type TextPart, wordDiff } from '../history/revision-diff.ts';
import { citePassage, deleteCitation } from '../reader/reader.api.ts';
import { type CitationRevision, previousPassage } from './previous-passage.ts';

interface ReviewCitation {
  id: string;
  version: number;
  exact: string;
  start: number;
  end: number;
  anchorStatus: 'FUZZY' | 'ORPHANED';
  anchorScore: number | null;
  role: string;
  note: string | null;
  source: { id: string; title: string } | null;
  statement: { id: string; text: string; kind: string } | null;
  event: { id: string; title: string } | null;
}

interface ReviewPage {
  citationsForReview: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ReviewCitation }[];
  };
}

const PAGE = 25;
const QUERY = `query CitationsForReview($first: Int!, $after: String) {
  citationsForReview(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id version exact start end anchorStatus anchorScore role note
      source { id title } statement { id text kind } event { id title }
    } }
  }
}`;

const HISTORY = `query CitationHistory($id: ID!) {
  history(id: $id, first: 20) { edges { node { changedFields before after } } }
}`;

/** Old and new passage with the words that differ marked on each side. */
const Side = ({ parts, side }: { parts: TextPart[]; side: 'removed' | 'added' }) => (
  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
    {parts.map((part, index) => {
      const key = `${index}-${part.kind}`;
      if (part.kind === 'elided') return <span key={key}> … </span>;
      if (part.kind === 'same') return <span key={key}>{part.text}</span>;
      if (part.kind !== side) return null;
      return (
        <Box
          key={key}
          component="mark"
          sx={{
            bgcolor: side === 'removed' ? 'rgba(211, 47, 47, 0.18)' : 'rgba(46, 125, 50, 0.2)',
            color: 'inherit',
          }}
        >
          {part.text}
        </Box>
      );
    })}
  </Typography>
);

const HealthCard = ({ citation }: { citation: ReviewCitation }) => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const createPath = useCreatePath();
  const notify = useNotify();
  const refresh = useRefresh();
  const canEdit = useCanEdit();
  const [busy, setBusy] = useState(false);
  const history = useQuery({
    queryKey: ['history', citation.id, citation.version, 'previous-passage'],
    queryFn: async () => {
      const data = await dataProvider.graphql<{
        history: { edges: { node: CitationRevision }[] };
      }>(HISTORY, { id: citation.id });
      return previousPassage(data.history.edges.map((edge) => edge.node));
    },
  });
  const before = history.data ?? null;
  const orphaned = citation.anchorStatus === 'ORPHANED';
  const parts = before && !orphaned ? wordDiff(before, citation.exact, { elide: false }) : null;
  // A direct quote must stay word for word in one of its passages: if the new passage lost the
  // words, confirming would be refused; the statement needs fixing or another passage.
  const quoteLost =
    citation.statement?.kind === 'DIRECT_QUOTE' &&
    !citation.exact.includes(citation.statement.text);
  const target = citation.statement
    ? {
        kind: 'Statement',
        resource: 'statements',
        id: citation.statement.id,
        label: `“${citation.statement.text}”`,
      }
    : citation.event
      ? { kind: 'Event', resource: 'events', id: citation.event.id, label: citation.event.title }
      : null;
  const readerPath = citation.source
    ? `${createPath({ resource: 'sources', id: citation.source.id, type: 'show' })}/read`
    : null;
  const recitePath =
    readerPath &&
    `${readerPath}?recite=${encodeURIComponent(citation.id)}${orphaned ? '' : `&start=${citation.start}&end=${citation.end}`}`;

  const confirm = async () => {
    if (!citation.source || !target) return;
    setBusy(true);
    try {
      const fresh = await citePassage(
        dataProvider,
        citation.statement ? { statement: citation.statement.id } : { event: target.id },
        {
          source: citation.source.id,
          start: citation.start,
          end: citation.end,
          role: citation.role,
          ...(citation.note ? { note: citation.note } : {}),
        },
      );
      try {
        await deleteCitation(dataProvider, citation.id, citation.version);
      } catch (error) {
        // Keep the record as it was rather than cite the passage twice.
        await deleteCitation(dataProvider, fresh.id, fresh.version).catch(() => undefined);
        throw error;
      }
      notify('The new passage is cited; the old citation is deleted (its history keeps it).', {
        type: 'success',
      });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Card variant="outlined" data-testid="citation-health-item" data-citation={citation.id}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1.5 }} flexWrap="wrap">
          <Chip
            size="small"
            color={orphaned ? 'error' : 'warning'}
            label={
              orphaned
                ? 'orphaned'
                : `fuzzy${citation.anchorScore != null ? ` · ${Math.round(citation.anchorScore * 100)}% similar` : ''}`
            }
          />
          {target && (
            <Typography variant="body2">
              {target.kind}:{' '}
              <Link to={createPath({ resource: target.resource, id: target.id, type: 'show' })}>
                {target.label}
              </Link>
            </Typography>
          )}
          {citation.source && readerPath && (
            <Typography variant="body2" color="text.secondary">
              in <Link to={readerPath}>{citation.source.title}</Link>
            </Typography>
          )}
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Box sx={{ flex: 1 }} aria-label="The passage as it was cited">
            <Typography variant="overline" color="text.secondary">
              Cited passage
            </Typography>
            {parts ? (
              <Side parts={parts} side="removed" />
            ) : (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {history.isPending ? '…' : (before ?? citation.exact)}
              </Typography>
            )}
          </Box>
          <Box sx={{ flex: 1 }} aria-label="The passage now">
            <Typography variant="overline" color="text.secondary">
              Now in the source
            </Typography>
            {orphaned ? (
              <Typography variant="body2" color="error">
                No longer found in the text.
              </Typography>
            ) : parts ? (
              <Side parts={parts} side="added" />
            ) : (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {citation.exact}
              </Typography>
            )}
          </Box>
        </Stack>
        {canEdit && (
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            {!orphaned && (
              <Button
                size="small"
                variant="contained"
                disabled={busy || quoteLost}
                onClick={confirm}
              >
                Confirm the new passage
              </Button>
            )}
            {recitePath && (
              <Button size="small" component={Link} to={recitePath}>
                Re-cite in the reader
              </Button>
            )}
          </Stack>
        )}
        {canEdit && quoteLost && !orphaned && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            The quoted words are no longer in the new passage: correct the statement, or re-cite.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

export const CitationHealth = () => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const citations = useInfiniteQuery({
    queryKey: ['citationsForReview'],
    queryFn: ({ pageParam }) =>
      dataProvider.graphql<ReviewPage>(QUERY, { first: PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) =>
      page.citationsForReview.pageInfo.hasNextPage
        ? page.citationsForReview.pageInfo.endCursor
        : undefined,
  });
  const items =
    citations.data?.pages.flatMap((page) => page.citationsForReview.edges.map((e) => e.node)) ?? [];
  const total = citations.data?.pages[0]?.citationsForReview.totalCount;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: '80rem' }}>
      <Title title="Citation health" />
      <Typography variant="body2" color="text.secondary">
        Citations whose source text changed under them. A fuzzy one was found again with some words
        changed: confirm the new passage if it still supports what is cited, or re-cite. An orphaned
        one is gone from the text: re-cite it, or delete it from its statement or event.
      </Typography>
      {citations.error && <Alert severity="error">{(citations.error as Error).message}</Alert>}
      {total === 0 && <Alert severity="success">Every citation is anchored exactly.</Alert>}
      {total !== undefined && total > 0 && (
        <Typography variant="subtitle2">
          {total === 1 ? 'One citation needs' : `${total} citations need`} review
        </Typography>
      )}
      {items.map((citation) => (
        <HealthCard key={citation.id} citation={citation} />
      ))}
      {citations.hasNextPage && (
        <Button onClick={() => citations.fetchNextPage()} disabled={citations.isFetchingNextPage}>
          More
        </Button>
      )}
    </Stack>
  );
};
