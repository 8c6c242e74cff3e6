// Actors in the API: aliases are strings; positions embed their organisation (an actor), which
// the form edits as positions[].organizationId.

import { orNull, strings } from '../common/values.ts';
import type { ResourceApi } from '../dataProvider/resource-api.ts';

const FIELDS =
  'id version status kind name aliases description country wikidataId positions { title startDate endDate organization { id name } } createdAt updatedAt';

interface PositionValue {
  title?: string;
  organizationId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export const actorApi: ResourceApi = {
  typename: 'Actor',
  fields: FIELDS,
  list: {
    field: 'actors',
    filterType: 'ActorFilter',
    orderType: 'ActorOrder',
    sortFields: { name: 'NAME', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    listFilters: ['status'],
  },
  toRecord: (node) => ({
    ...node,
    positions: (node.positions as { organization: { id: string } | null }[]).map((position) => ({
      ...position,
      organizationId: position.organization?.id ?? null,
    })),
  }),
  toInput: (data) => ({
    kind: data.kind,
    name: data.name,
    aliases: strings(data.aliases),
    description: orNull(data.description),
    country: orNull(data.country),
    wikidataId: orNull(data.wikidataId),
    positions: ((data.positions ?? []) as PositionValue[]).map((position) => ({
      title: position.title,
      organization: orNull(position.organizationId),
      startDate: orNull(position.startDate),
      endDate: orNull(position.endDate),
    })),
  }),
  fieldMap: { organization: 'organizationId' },
};
