// The one dialog that turns a selected passage into the record: a new statement (speaker, kind,
// words, date from the source, channel), or a citation for an existing statement, an existing
// event or a new event. The passage is cited by its code-point offsets. When re-citing, the
// citation being replaced is deleted once the new one exists.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import {
  AutocompleteInput,
  Form,
  HttpError,
  RadioButtonGroupInput,
  type RaRecord,
  RecordContextProvider,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
} from 'react-admin';
import { useFormState, useWatch } from 'react-hook-form';
import { ActorInput } from '../common/ActorInput.tsx';
import {
  CITATION_ROLE_CHOICES,
  EVENT_KIND_CHOICES,
  STATEMENT_CHANNEL_CHOICES,
  STATEMENT_KIND_CHOICES,
} from '../common/choices.ts';
import { PartialDateInput } from '../common/PartialDateInput.tsx';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import type { ApiErrorBody } from '../graphql/errors.ts';
import {
  citePassage,
  createEvent,
  createStatement,
  deleteCitation,
  type PassageRef,
  type ReaderCitation,
} from './reader.api.ts';

export type CiteMode = 'new-statement' | 'existing-statement' | 'existing-event' | 'new-event';

const MODE_CHOICES: { id: CiteMode; name: string }[] = [
  { id: 'new-statement', name: 'New statement' },
  { id: 'existing-statement', name: 'Existing statement' },
  { id: 'existing-event', name: 'Existing event' },
  { id: 'new-event', name: 'New event' },
];

export interface SelectedPassage {
  start: number;
  end: number;
  /** The passage's text, as in the body. */
  exact: string;
}

export interface CitePassageDialogProps {
  /** The source being read (id and publishedOn are used). */
  source: RaRecord;
  passage: SelectedPassage;
  /** When re-citing: the citation this passage replaces. */
  replacing?: ReaderCitation | null;
  onClose: () => void;
  /** After the record is written (the reader refreshes itself). */
  onCited?: () => void;
}

interface CiteValues {
  mode: CiteMode;
  role: string;
  kind: string;
  text: string;
  speaker: string | null;
  saidOn: string | null;
  channel: string | null;
  statement: string | null;
  event: string | null;
  eventKind: string;
  title: string;
  startDate: string | null;
}

const QUOTES = /^[\s"“”„«»'‘’‚‹›「」『』]+|[\s"“”„«»'‘’‚‹›「」『』]+$/gu;

/** The words of a selection without the quotation marks around them, for a direct quote. */
export function withoutQuotationMarks(text: string): string {
  const inner = text.replace(QUOTES, '');
  return inner === '' ? text : inner;
}

const ServerError = () => {
  const { errors } = useFormState();
  const root = errors.root as { serverError?: { message?: string } } | undefined;
  const message = root?.serverError?.message;
  return message ? <Alert severity="error">{message}</Alert> : null;
};

const SubmitButton = () => {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting}>
      {isSubmitting ? 'Saving…' : 'Cite the passage'}
    </Button>
  );
};

const ModeInputs = () => {
  const mode = useWatch<CiteValues, 'mode'>({ name: 'mode' });
  switch (mode) {
    case 'new-statement':
      return (
        <>
          <ActorInput source="speaker" label="Speaker" />
          <SelectInput
            source="kind"
            label="Kind"
            choices={STATEMENT_KIND_CHOICES}
            validate={required()}
          />
          <TextInput
            source="text"
            label="Words"
            multiline
            minRows={2}
            fullWidth
            validate={required()}
            helperText="A direct quote must appear word for word in the passage"
          />
          <PartialDateInput source="saidOn" label="Said on" />
          <SelectInput
            source="channel"
            label="Channel"
            choices={STATEMENT_CHANNEL_CHOICES}
            emptyText="(unknown)"
          />
        </>
      );
    case 'existing-statement':
      return (
        <ReferenceInput source="statement" reference="statements">
          <AutocompleteInput optionText="text" label="Statement" fullWidth validate={required()} />
        </ReferenceInput>
      );
    case 'existing-event':
      return (
        <ReferenceInput source="event" reference="events">
          <AutocompleteInput optionText="title" label="Event" fullWidth validate={required()} />
        </ReferenceInput>
      );
    case 'new-event':
      return (
        <>
          <TextInput source="title" label="Title" fullWidth validate={required()} />
          <SelectInput
            source="eventKind"
            label="Kind"
            choices={EVENT_KIND_CHOICES}
            validate={required()}
          />
          <PartialDateInput
            source="startDate"
            label="Date"
            helperText="When it happened, if the source says: 2024, 2024-02 or 2024-02-26"
          />
        </>
      );
    default:
      return null;
  }
};

export const CitePassageDialog = ({
  source,
  passage,
  replacing,
  onClose,
  onCited,
}: CitePassageDialogProps) => {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();

  const defaults: CiteValues = {
    mode: replacing
      ? replacing.statement
        ? 'existing-statement'
        : 'existing-event'
      : 'new-statement',
    role: replacing?.role ?? 'SUPPORTS',
    kind: 'DIRECT_QUOTE',
    text: withoutQuotationMarks(passage.exact),
    speaker: null,
    saidOn: typeof source.publishedOn === 'string' ? source.publishedOn : null,
    channel: null,
    statement: replacing?.statement?.id ?? null,
    event: replacing?.event?.id ?? null,
    eventKind: 'MEETING',
    title: '',
    startDate: null,
  };

  const submit = async (values: Record<string, unknown>) => {
    const form = values as Partial<CiteValues>;
    const ref: PassageRef = {
      source: String(source.id),
      start: passage.start,
      end: passage.end,
      role: form.role ?? 'SUPPORTS',
    };
    try {
      let message: string;
      switch (form.mode) {
        case 'existing-statement':
          await citePassage(dataProvider, { statement: String(form.statement) }, ref);
          message = 'Passage cited for the statement.';
          break;
        case 'existing-event':
          await citePassage(dataProvider, { event: String(form.event) }, ref);
          message = 'Passage cited for the event.';
          break;
        case 'new-event':
          await createEvent(
            dataProvider,
            { kind: form.eventKind ?? 'OTHER', title: form.title ?? '', startDate: form.startDate },
            ref,
          );
          message = 'Event created as a draft, citing the passage.';
          break;
        default:
          await createStatement(
            dataProvider,
            {
              kind: form.kind ?? 'DIRECT_QUOTE',
              text: form.text ?? '',
              speaker: form.speaker,
              saidOn: form.saidOn,
              channel: form.channel,
            },
            ref,
          );
          message = 'Statement created as a draft, citing the passage.';
      }
      if (replacing) {
        await deleteCitation(dataProvider, replacing.id, replacing.version);
        message = `${message} The old citation is deleted (its history keeps it).`;
      }
      notify(message, { type: 'success' });
      refresh();
      onCited?.();
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
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="cite-passage-title">
      {/* The form's values are its own: not the fields of the source being read. */}
      <RecordContextProvider value={undefined}>
        <Form defaultValues={defaults} onSubmit={submit}>
          <DialogTitle id="cite-passage-title">
            {replacing ? 'Re-cite with this passage' : 'Cite this passage'}
          </DialogTitle>
          <DialogContent>
            <Typography
              component="blockquote"
              variant="body2"
              data-testid="selected-passage"
              sx={{
                whiteSpace: 'pre-wrap',
                borderLeft: 3,
                borderColor: 'divider',
                pl: 2,
                mx: 0,
                maxHeight: '8rem',
                overflow: 'auto',
              }}
            >
              {passage.exact}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 2 }}>
              Code points {passage.start}–{passage.end} of the text
            </Typography>
            <ServerError />
            {replacing ? (
              // Re-citing keeps what is cited: only the passage changes.
              <Typography variant="body2" sx={{ mb: 2 }}>
                For the {replacing.statement ? 'statement' : 'event'}:{' '}
                <strong>
                  {replacing.statement ? `“${replacing.statement.text}”` : replacing.event?.title}
                </strong>
              </Typography>
            ) : (
              <>
                <RadioButtonGroupInput
                  source="mode"
                  label="Cite it for"
                  choices={MODE_CHOICES}
                  row
                />
                <ModeInputs />
              </>
            )}
            <SelectInput
              source="role"
              label="The passage"
              choices={CITATION_ROLE_CHOICES}
              validate={required()}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <SubmitButton />
          </DialogActions>
        </Form>
      </RecordContextProvider>
    </Dialog>
  );
};
