// Whether the signed-in user may change records (editors, reviewers and admins).
import { usePermissions } from 'react-admin';
import { atLeast, isRole } from '../auth/access.ts';

export function useCanEdit(): boolean {
  const { permissions } = usePermissions();
  return isRole(permissions) && atLeast(permissions, 'EDITOR');
}
