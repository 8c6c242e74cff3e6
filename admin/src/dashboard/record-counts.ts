// How many records of each type are in each workflow status (`recordCounts`), shared by the
// dashboard and the review queue.
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';

export interface RecordCount {
  type: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
  count: number;
}

export function useRecordCounts() {
  const dataProvider = useDataProvider<CitelineDataProvider>();
  return useQuery({
    queryKey: ['recordCounts'],
    queryFn: async () =>
      (
        await dataProvider.graphql<{ recordCounts: RecordCount[] }>(
          '{ recordCounts { type status count } }',
        )
      ).recordCounts,
  });
}

/** The count of `type` (or of every type) in `status`. */
export function countOf(
  counts: readonly RecordCount[],
  status: RecordCount['status'],
  type?: string,
): number {
  return counts
    .filter((count) => count.status === status && (type === undefined || count.type === type))
    .reduce((sum, count) => sum + count.count, 0);
}
