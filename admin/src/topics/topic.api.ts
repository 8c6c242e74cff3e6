// Topics in the API: a small vocabulary, listed by name (no other order).

import { orNull } from '../common/values.ts';
import type { ResourceApi } from '../dataProvider/resource-api.ts';

export const topicApi: ResourceApi = {
  typename: 'Topic',
  fields: 'id version status name slug description createdAt updatedAt',
  list: { field: 'topics', filterType: 'TopicFilter', listFilters: ['status'] },
  toInput: (data) => ({
    name: data.name,
    slug: data.slug,
    description: orNull(data.description),
  }),
};
