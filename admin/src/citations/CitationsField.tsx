// The passages cited for a statement or an event, each linking to its citation and source.
import { Datagrid, Pagination, ReferenceManyField, TextField } from 'react-admin';
import { RecordLink } from '../common/RecordLink.tsx';
import { CiteButton } from './CiteButton.tsx';

export const CitationsField = ({ target }: { target: 'statement' | 'event' }) => (
  <>
    <ReferenceManyField
      reference="citations"
      target={target}
      label={false}
      perPage={25}
      pagination={<Pagination />}
      empty={<p>Nothing cited yet.</p>}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="exact" label="Passage" sortable={false} />
        <RecordLink
          source="source"
          reference="sources"
          display="title"
          label="Source"
          sortable={false}
        />
        <TextField source="role" sortable={false} />
        <TextField source="anchorStatus" label="Anchor" sortable={false} />
      </Datagrid>
    </ReferenceManyField>
    <CiteButton target={target} />
  </>
);
