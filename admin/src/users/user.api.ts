// Users in the API (admins only): created with a password, changed with updateUser (name,
// role, disabled, a new password), never deleted: disable them instead.

import { orNull } from '../common/values.ts';
import type { ResourceApi } from '../dataProvider/resource-api.ts';

export const userApi: ResourceApi = {
  typename: 'User',
  fields: 'id version name email role disabled disabledAt createdAt updatedAt',
  list: { field: 'users', filterType: 'UserFilter', listFilters: ['role'] },
  toInput: (data) => ({
    email: data.email,
    name: data.name,
    role: data.role,
    disabled: data.disabled,
    // Only sent when typed: the record never carries one.
    password: orNull(data.password),
  }),
  create: 'createUser',
  createInputType: 'CreateUserInput',
  updateInputType: 'UpdateUserInput',
  deletable: false,
};
