// The top of a list: filters and, for roles that may, Create.
import { CreateButton, FilterButton, TopToolbar } from 'react-admin';

export const ListActions = ({ creatable = true }: { creatable?: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {creatable && <CreateButton />}
  </TopToolbar>
);
