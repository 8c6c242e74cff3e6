// Adding a person or an organisation without leaving the form that needs one: from an actor
// picker ("Add … as a new actor") or from a suggested quotation whose speaker is not known yet.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { type FormEvent, useState } from 'react';
import { type RaRecord, useCreate, useCreateSuggestionContext } from 'react-admin';
import { ACTOR_KIND_CHOICES } from '../common/choices.ts';

export interface CreateActorDialogProps {
  name?: string;
  kind?: string;
  onCreated: (actor: RaRecord) => void;
  onCancel: () => void;
}

export const CreateActorDialog = ({
  name: initialName = '',
  kind: initialKind = 'PERSON',
  onCreated,
  onCancel,
}: CreateActorDialogProps) => {
  const [name, setName] = useState(initialName.trim());
  const [kind, setKind] = useState(initialKind);
  const [error, setError] = useState<string | null>(null);
  const [create, { isPending }] = useCreate();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The dialog is portalled out of the DOM, not out of React: keep its submit from reaching
    // the form it was opened from.
    event.stopPropagation();
    setError(null);
    create(
      'actors',
      { data: { name: name.trim(), kind, aliases: [], positions: [] } },
      {
        onSuccess: (actor) => onCreated(actor),
        onError: (failure) => setError(failure instanceof Error ? failure.message : 'Not saved'),
      },
    );
  };

  return (
    <Dialog open onClose={onCancel} maxWidth="xs" fullWidth aria-labelledby="create-actor-title">
      <form onSubmit={submit}>
        <DialogTitle id="create-actor-title">New actor</DialogTitle>
        <DialogContent>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <TextField
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            fullWidth
            autoFocus
            margin="dense"
          />
          <RadioGroup
            row
            aria-label="Kind"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
          >
            {ACTOR_KIND_CHOICES.map((choice) => (
              <FormControlLabel
                key={choice.id}
                value={choice.id}
                control={<Radio />}
                label={choice.name}
              />
            ))}
          </RadioGroup>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isPending || !name.trim()}>
            {isPending ? 'Saving…' : 'Add the actor'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** The dialog as an actor picker's `create` element: named after what was typed in the picker. */
export const CreateActorSuggestion = ({ kind }: { kind?: string }) => {
  const { filter, onCreate, onCancel } = useCreateSuggestionContext();
  return <CreateActorDialog name={filter} kind={kind} onCreated={onCreate} onCancel={onCancel} />;
};
