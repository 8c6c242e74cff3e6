// react-admin's layout with the editor's menu.
import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppMenu } from './AppMenu.tsx';

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu}>{children}</Layout>
);
