// Recording a statement (as a draft) and citing its passage in the same step: a direct quote
// must appear word for word in the passage.
import { Typography } from '@mui/material';
import { AutocompleteInput, Create, ReferenceInput, SimpleForm, TextInput } from 'react-admin';
import { StatementInputs } from './StatementInputs.tsx';

const DEFAULTS = { kind: 'DIRECT_QUOTE', rank: 'NORMAL', topicIds: [] };

export const StatementCreate = () => (
  <Create redirect="show">
    <SimpleForm mode="onTouched" defaultValues={DEFAULTS}>
      <StatementInputs />
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        Cite a passage
      </Typography>
      <ReferenceInput source="citeSourceId" reference="sources">
        <AutocompleteInput optionText="title" label="Source" fullWidth />
      </ReferenceInput>
      <TextInput
        source="citeExact"
        label="Passage"
        multiline
        fullWidth
        helperText="Copied verbatim from the source; empty: the statement's text"
      />
    </SimpleForm>
  </Create>
);
