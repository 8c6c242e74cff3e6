// The quotations the API finds in the source, for an editor to accept as direct quotes (the
// speaker can be corrected first) or dismiss for this browser tab.
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Form,
  HttpError,
  Link,
  type RaRecord,
  RecordContextProvider,
  SelectInput,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRefresh,
} from 'react-admin';
import { useFormContext, useFormState } from 'react-hook-form';
import { CreateActorDialog } from '../actors/CreateActorDialog.tsx';
import { ActorInput } from '../common/ActorInput.tsx';
import { STATEMENT_CHANNEL_CHOICES } from '../common/choices.ts';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import type { ApiErrorBody } from '../graphql/errors.ts';
import { readDismissed, suggestionKey, writeDismissed } from './dismissed-suggestions.ts';
import { createStatement, fetchSuggestions, type Suggestion } from './reader.api.ts';

const MAX_SHOWN = 280;

const short = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

const AcceptButton = () => {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting}>
      {isSubmitting ? 'Saving…' : 'Record the quote'}
    </Button>
  );
};

const FormError = () => {
  const { errors } = useFormState();
  const root = errors.root as { serverError?: { message?: string } } | undefined;
  return root?.serverError?.message ? (
    <Alert severity="error" sx={{ mb: 2 }}>
      {root.serverError.message}
    </Alert>
  ) : null;
};

/** A speaker named in the text but not in the record: one click adds them and picks them. */
const AddNamedSpeaker = ({ name }: { name: string }) => {
  const { setValue } = useFormContext();
  const [step, setStep] = useState<'offer' | 'adding' | 'added'>('offer');
  if (step === 'added') return null;
  return (
    <>
      <Button size="small" onClick={() => setStep('adding')} sx={{ mb: 1 }}>
        Add “{name}” as a new actor
      </Button>
      {step === 'adding' && (
        <CreateActorDialog
          name={name}
          onCancel={() => setStep('offer')}
          onCreated={(actor) => {
            setValue('speaker', actor.id, { shouldDirty: true });
            setStep('added');
          }}
        />
      )}
    </>
  );
};

const AcceptDialog = ({
  source,
  suggestion,
  onClose,
}: {
  source: RaRecord;
  suggestion: Suggestion;
  onClose: () => void;
}) => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = async (values: Record<string, unknown>) => {
    try {
      await createStatement(
        dataProvider,
        {
          kind: 'DIRECT_QUOTE',
          text: suggestion.text,
          speaker: (values.speaker as string | null) ?? null,
          saidOn: (values.saidOn as string | null) ?? null,
          channel: (values.channel as string | null) ?? null,
        },
        { source: String(source.id), start: suggestion.start, end: suggestion.end },
      );
      notify('Quote recorded as a draft statement.', { type: 'success' });
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const body =
        error instanceof HttpError ? (error.body as ApiErrorBody | undefined) : undefined;
      if (body?.errors) return body.errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="accept-title">
      {/* The form's values are its own: not the fields of the source being read. */}
      <RecordContextProvider value={undefined}>
        <Form
          defaultValues={{
            speaker: suggestion.speaker?.id ?? null,
            saidOn: typeof source.publishedOn === 'string' ? source.publishedOn : null,
            channel: null,
          }}
          onSubmit={submit}
        >
          <DialogTitle id="accept-title">Record this quote</DialogTitle>
          <DialogContent>
            <Typography
              component="blockquote"
              variant="body2"
              sx={{ whiteSpace: 'pre-wrap', borderLeft: 3, borderColor: 'divider', pl: 2, mx: 0 }}
            >
              {suggestion.text}
            </Typography>
            {suggestion.attribution && (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 2 }}>
                Attribution in the text: “{suggestion.attribution}”
                {!suggestion.speaker && suggestion.speakerName
                  ? ` (names ${suggestion.speakerName}, who is not a known actor yet)`
                  : ''}
              </Typography>
            )}
            <FormError />
            <ActorInput source="speaker" label="Speaker" />
            {!suggestion.speaker && suggestion.speakerName && (
              <AddNamedSpeaker name={suggestion.speakerName} />
            )}
            <PartialDateInput source="saidOn" label="Said on" />
            <SelectInput
              source="channel"
              label="Channel"
              choices={STATEMENT_CHANNEL_CHOICES}
              emptyText="(unknown)"
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <AcceptButton />
          </DialogActions>
        </Form>
      </RecordContextProvider>
    </Dialog>
  );
};

export const SuggestionsPanel = ({ source }: { source: RaRecord }) => {
  const sourceId = String(source.id);
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const createPath = useCreatePath();
  const suggestions = useQuery({
    queryKey: ['reader', sourceId, 'suggestions', source.version],
    queryFn: () => fetchSuggestions(dataProvider, sourceId),
  });
  const [dismissed, setDismissed] = useState(() => readDismissed(sourceId));
  const [accepting, setAccepting] = useState<Suggestion | null>(null);

  const dismiss = (suggestion: Suggestion) => {
    const next = new Set(dismissed).add(suggestionKey(suggestion));
    writeDismissed(sourceId, next);
    setDismissed(next);
  };
  const undismiss = () => {
    writeDismissed(sourceId, new Set());
    setDismissed(new Set());
  };

  const all = suggestions.data ?? [];
  const shown = all
    .filter((suggestion) => !dismissed.has(suggestionKey(suggestion)))
    // New quotations first, then those already recorded; in text order within each.
    .sort((a, b) => Number(a.alreadyRecorded) - Number(b.alreadyRecorded) || a.start - b.start);
  const hidden = all.length - shown.length;
  const fresh = shown.filter((suggestion) => !suggestion.alreadyRecorded).length;
  const readPath = `${createPath({ resource: 'sources', id: sourceId, type: 'show' })}/read`;

  return (
    <Box component="section" aria-label="Suggested quotations">
      <Typography variant="subtitle2">
        Suggested quotations {suggestions.data ? `(${fresh} new)` : ''}
      </Typography>
      {suggestions.isPending && <Typography variant="body2">Looking for quotations…</Typography>}
      {suggestions.error && <Alert severity="error">{(suggestions.error as Error).message}</Alert>}
      {suggestions.data && all.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No quotations found in this text.
        </Typography>
      )}
      <List dense disablePadding>
        {shown.map((suggestion) => (
          <ListItem
            key={suggestionKey(suggestion)}
            data-testid="suggestion"
            divider
            disableGutters
            sx={{ display: 'block', opacity: suggestion.alreadyRecorded ? 0.65 : 1 }}
          >
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              “{short(suggestion.text)}”
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p">
              {suggestion.speaker?.name ?? suggestion.speakerName ?? 'Speaker unknown'}
              {suggestion.attribution ? ` — “${suggestion.attribution}”` : ''} · confidence{' '}
              {Math.round(suggestion.confidence * 100)}%
            </Typography>
            <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
              {suggestion.alreadyRecorded && <Chip size="small" label="already recorded" />}
              <Button size="small" onClick={() => setAccepting(suggestion)}>
                Accept
              </Button>
              <Button size="small" color="inherit" onClick={() => dismiss(suggestion)}>
                Dismiss
              </Button>
              <Button
                size="small"
                color="inherit"
                component={Link}
                to={`${readPath}?start=${suggestion.start}&end=${suggestion.end}`}
              >
                Show
              </Button>
            </Stack>
          </ListItem>
        ))}
      </List>
      {hidden > 0 && (
        <Button size="small" onClick={undismiss} sx={{ mt: 1 }}>
          Show {hidden} dismissed
        </Button>
      )}
      {accepting && (
        <AcceptDialog source={source} suggestion={accepting} onClose={() => setAccepting(null)} />
      )}
    </Box>
  );
};
