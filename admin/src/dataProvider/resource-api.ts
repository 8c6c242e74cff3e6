// How one react-admin resource maps onto the GraphQL API. Each resource folder declares one
// (e.g. sources/source.api.ts); the data provider does the rest the same way for all of them.
import type { RaRecord } from 'react-admin';
import type { FieldMap } from '../graphql/errors.ts';
import type { DataProviderContext } from './context.ts';
import type { Chunk } from './cursor-pager.ts';

export type ApiNode = Record<string, unknown> & { id: string };

export interface ResourceApi {
  /** The GraphQL type, e.g. "Source" (records are read with `node(id:)`). */
  typename: string;
  /** The selection of one record, without braces. */
  fields: string;
  /** A lighter selection for lists (defaults to `fields`). */
  listFields?: string;
  list?: {
    /** The root connection field, e.g. "sources". */
    field: string;
    /** Its filter input type, e.g. "SourceFilter". */
    filterType: string;
    /** Its orderBy input type, when it has one. */
    orderType?: string;
    /** react-admin sort field → the API's order field; other fields cannot be sorted. */
    sortFields?: Readonly<Record<string, string>>;
    /** Filters the API takes as lists (a select gives one value). */
    listFilters?: readonly string[];
  };
  /** The record react-admin sees (ids of references flattened next to the objects). */
  toRecord?(node: ApiNode): RaRecord;
  /** The mutation input for form values; update sends only what differs from the record. */
  toInput?(data: Partial<RaRecord>): Record<string, unknown>;
  /** Renames API input fields in errors to form fields (`speaker` → `speakerId`). */
  fieldMap?: FieldMap;
  /** `create<Type>(input:)` unless given; a function replaces the default. */
  create?: string | ((context: DataProviderContext, data: Partial<RaRecord>) => Promise<RaRecord>);
  /** The create mutation's input type (default `<Type>Input`). */
  createInputType?: string;
  /** `update<Type>(id:, expectedVersion:, input:)` unless given; false when not editable. */
  update?: string | false;
  /** The update mutation's input type (default `<Type>Input`). */
  updateInputType?: string;
  /** Soft delete with `deleteRecord`; false for types without it (users). */
  deletable?: boolean;
  /**
   * Rows referring to a record (`<ReferenceManyField target=…>`). Without it, the list filtered
   * by `{ [target]: id }`.
   */
  manyReference?: (
    context: DataProviderContext,
    target: string,
    id: string,
  ) => {
    key: string;
    fetch(after: string | null, first: number, withNodes: boolean): Promise<Chunk<ApiNode>>;
  };
}
