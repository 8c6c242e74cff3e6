// Bulk actions of a list: soft delete of the selected records, after a confirmation.
import { BulkDeleteButton } from 'react-admin';

export const BulkActions = () => <BulkDeleteButton mutationMode="pessimistic" />;
