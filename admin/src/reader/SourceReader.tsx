// The source reader: the body as paragraphs with every cited passage highlighted (hover shows
// what cites it, a click opens it), and for editors the passage they select turned into the
// record in one dialog. `?start=&end=` outlines a passage (links from lookups land there);
// `?recite=<citation id>` re-cites that citation with the next selection.
import AddCommentIcon from '@mui/icons-material/AddComment';
import {
  Alert,
  Box,
  Button,
  Chip,
  Menu,
  MenuItem,
  Paper,
  Popper,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type RaRecord,
  useCreatePath,
  useDataProvider,
  useLocation,
  useNavigate,
  useRecordContext,
} from 'react-admin';
import { useCanEdit } from '../common/useCanEdit.ts';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import { FormattedReference } from '../lookups/FormattedReference.tsx';
import { CitePassageDialog, type SelectedPassage } from './CitePassageDialog.tsx';
import { sliceCodePoints, trimRange } from './code-points.ts';
import { ReaderText } from './ReaderText.tsx';
import { fetchSourceCitations, passagesOf } from './reader.api.ts';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { type Passage, type Segment, segmentBody } from './segments.ts';
import { selectionOffsets } from './selection-offsets.ts';

/** A point on screen for a popper to hang from (the selection's box). */
interface VirtualAnchor {
  getBoundingClientRect: () => DOMRect;
}

interface Selected extends SelectedPassage {
  anchor: VirtualAnchor;
}

function focusOf(search: string): { start: number; end: number } | null {
  const params = new URLSearchParams(search);
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  if (!params.has('start') || !Number.isInteger(start) || !Number.isInteger(end) || end <= start) {
    return null;
  }
  return { start, end };
}

const Legend = () => (
  <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }} aria-label="Legend">
    <Chip size="small" label="statement" sx={{ bgcolor: 'rgba(255, 193, 7, 0.35)' }} />
    <Chip size="small" label="event" sx={{ bgcolor: 'rgba(33, 150, 243, 0.25)' }} />
    <Chip
      size="small"
      label="overlapping"
      sx={{ bgcolor: 'rgba(255, 193, 7, 0.35)', boxShadow: 'inset 0 -2px 0 rgba(0,0,0,0.45)' }}
    />
  </Stack>
);

const passageLine = (passage: Passage) =>
  passage.kind === 'statement' ? `Statement: “${passage.label}”` : `Event: ${passage.label}`;

export const SourceReader = () => {
  const record = useRecordContext();
  if (!record || typeof record.body !== 'string') return null;
  return <Reader source={record} />;
};

const Reader = ({ source }: { source: RaRecord }) => {
  const body = source.body as string;
  const sourceId = String(source.id);
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const canEdit = useCanEdit();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const location = useLocation();
  const textRef = useRef<HTMLDivElement>(null);

  const citations = useQuery({
    queryKey: ['reader', sourceId, 'citations', source.version],
    queryFn: () => fetchSourceCitations(dataProvider, sourceId),
  });
  const passages = useMemo(() => passagesOf(citations.data ?? []), [citations.data]);
  const focus = useMemo(() => focusOf(location.search), [location.search]);
  const paragraphs = useMemo(
    () => segmentBody(body, passages, focus ? [focus.start, focus.end] : []),
    [body, passages, focus],
  );
  const orphaned = (citations.data ?? []).filter((c) => c.anchorStatus === 'ORPHANED').length;

  const reciteId = new URLSearchParams(location.search).get('recite');
  const replacing = reciteId ? (citations.data?.find((c) => c.id === reciteId) ?? null) : null;

  // Scroll to the passage a link pointed at, once the text is laid out.
  useEffect(() => {
    if (!focus || !textRef.current || paragraphs.length === 0) return;
    textRef.current.querySelector('[data-focus]')?.scrollIntoView({ block: 'center' });
  }, [focus, paragraphs]);

  // What the editor selects in the text: offsets in code points, trimmed of white space.
  const [selected, setSelected] = useState<Selected | null>(null);
  const [citing, setCiting] = useState<Selected | null>(null);
  const readSelection = useCallback(() => {
    const root = textRef.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      setSelected(null);
      return;
    }
    const range = selection.getRangeAt(0);
    const offsets = selectionOffsets(root, range);
    const trimmed = offsets && trimRange(body, offsets.start, offsets.end);
    if (!trimmed) {
      setSelected(null);
      return;
    }
    const box = range.cloneRange();
    setSelected({
      ...trimmed,
      exact: sliceCodePoints(body, trimmed.start, trimmed.end),
      anchor: { getBoundingClientRect: () => box.getBoundingClientRect() },
    });
  }, [body]);
  useEffect(() => {
    if (!canEdit) return;
    document.addEventListener('selectionchange', readSelection);
    return () => document.removeEventListener('selectionchange', readSelection);
  }, [canEdit, readSelection]);

  // Hovering a highlight shows what cites it; clicking opens it (or offers a choice).
  const [hovered, setHovered] = useState<{ segment: Segment; element: HTMLElement } | null>(null);
  const [choosing, setChoosing] = useState<{ segment: Segment; element: HTMLElement } | null>(null);
  const open = useCallback(
    (passage: Passage) =>
      navigate(
        createPath({
          resource: passage.kind === 'statement' ? 'statements' : 'events',
          id: passage.targetId,
          type: 'show',
        }),
      ),
    [navigate, createPath],
  );
  // Stable handlers, so that the (memoised) text does not re-render as the pointer moves.
  const onMarkEnter = useCallback(
    (segment: Segment, element: HTMLElement) => setHovered({ segment, element }),
    [],
  );
  const onMarkLeave = useCallback(() => setHovered(null), []);
  const onMarkClick = useCallback(
    (segment: Segment, element: HTMLElement) => {
      const [only, ...others] = segment.passages;
      if (only && others.length === 0) open(only);
      else setChoosing({ segment, element });
    },
    [open],
  );

  const finishRecite = () => {
    if (reciteId)
      navigate(`${createPath({ resource: 'sources', id: sourceId, type: 'show' })}/read`);
  };

  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={4} alignItems="flex-start">
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Legend />
        {replacing && (
          <Alert severity="info" sx={{ mb: 2, maxWidth: '46rem' }}>
            Re-citing for{' '}
            {replacing.statement
              ? `the statement “${replacing.statement.text}”`
              : `the event “${replacing.event?.title ?? ''}”`}
            : select the passage that now supports it. It was: “{replacing.exact}”.
          </Alert>
        )}
        {citations.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            The citations could not be loaded: {String((citations.error as Error).message)}
          </Alert>
        )}
        {orphaned > 0 && (
          <Alert severity="warning" sx={{ mb: 2, maxWidth: '46rem' }}>
            {orphaned === 1 ? 'One cited passage is' : `${orphaned} cited passages are`} no longer
            in this text (orphaned): see Citation health.
          </Alert>
        )}
        <ReaderText
          ref={textRef}
          paragraphs={paragraphs}
          focus={focus}
          onMarkEnter={onMarkEnter}
          onMarkLeave={onMarkLeave}
          onMarkClick={onMarkClick}
        />
      </Box>
      <Stack spacing={3} sx={{ width: { xs: '100%', lg: 360 }, flexShrink: 0 }}>
        <FormattedReference kind="source" id={sourceId} />
        {canEdit && <SuggestionsPanel source={source} />}
      </Stack>

      {hovered && !choosing && (
        <Popper open anchorEl={hovered.element} placement="top-start" sx={{ zIndex: 1300 }}>
          <Paper
            elevation={4}
            role="tooltip"
            sx={{ p: 1.5, maxWidth: 420, pointerEvents: 'none' }}
            data-testid="passage-card"
          >
            {hovered.segment.passages.map((passage) => (
              <Typography key={passage.id} variant="body2" sx={{ mb: 0.5 }}>
                {passageLine(passage)}
              </Typography>
            ))}
          </Paper>
        </Popper>
      )}
      <Menu
        open={!!choosing}
        anchorEl={choosing?.element}
        onClose={() => setChoosing(null)}
        aria-label="Open what cites this passage"
      >
        {choosing?.segment.passages.map((passage) => (
          <MenuItem
            key={passage.id}
            onClick={() => {
              setChoosing(null);
              open(passage);
            }}
            sx={{ whiteSpace: 'normal', maxWidth: 480 }}
          >
            {passageLine(passage)}
          </MenuItem>
        ))}
      </Menu>

      {canEdit && selected && !citing && (
        <Popper open anchorEl={selected.anchor} placement="bottom-start" sx={{ zIndex: 1300 }}>
          <Button
            variant="contained"
            size="small"
            startIcon={<AddCommentIcon />}
            // Keep the selection: a mouse down on the button would otherwise move it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setCiting(selected)}
            sx={{ mt: 1 }}
          >
            {replacing ? 'Re-cite with this passage' : 'Cite this passage'}
          </Button>
        </Popper>
      )}
      {citing && (
        <CitePassageDialog
          source={source}
          passage={citing}
          replacing={replacing}
          onClose={() => setCiting(null)}
          onCited={() => {
            setSelected(null);
            window.getSelection()?.removeAllRanges();
            finishRecite();
          }}
        />
      )}
    </Stack>
  );
};
