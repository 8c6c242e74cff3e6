// The editor: the dashboard, resources by role (users for admins only), the editorial screens
// that are not resources, signing in through the API.

import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { actors } from './actors/index.ts';
import { createAuthProvider } from './auth/auth-provider.ts';
import { citations } from './citations/index.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { createCitelineDataProvider } from './dataProvider/index.ts';
import { events } from './events/index.ts';
import { createGraphQLClient } from './graphql/client.ts';
import { i18nProvider } from './i18nProvider.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { FindQuote } from './lookups/FindQuote.tsx';
import { CitationHealth } from './review/CitationHealth.tsx';
import { ReviewQueue } from './review/ReviewQueue.tsx';
import { sources } from './sources/index.ts';
import { statements } from './statements/index.ts';
import { topics } from './topics/index.ts';
import { users } from './users/index.ts';

const client = createGraphQLClient();
export const dataProvider = createCitelineDataProvider(client);
export const authProvider = createAuthProvider(client);

// A record being edited must not change under the editor's hands: no refetch when the window
// regains focus (a save carries the version the form was loaded with).
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } },
});

// Pages outside the resources check the session themselves (a stale one goes to the login page).
const authenticated = (page: ReactNode) => <Authenticated>{page}</Authenticated>;

export const App = () => (
  <Admin
    title="Citeline"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    queryClient={queryClient}
    layout={AppLayout}
    // The page after signing in. It also spares the sign-in a second hop: without a dashboard,
    // react-admin redirects from "/" to the first list once it has checked access to it.
    dashboard={Dashboard}
    // No request may leave for a third party (react-admin pings its vendor otherwise).
    disableTelemetry
  >
    {(role: unknown) => (
      <>
        <Resource name="sources" {...sources} />
        <Resource name="events" {...events} />
        <Resource name="statements" {...statements} />
        <Resource name="actors" {...actors} />
        <Resource name="topics" {...topics} />
        <Resource name="citations" {...citations} />
        {role === 'ADMIN' && <Resource name="users" {...users} />}
        <CustomRoutes>
          <Route path="/review" element={authenticated(<ReviewQueue />)} />
          <Route path="/citation-health" element={authenticated(<CitationHealth />)} />
          <Route path="/find-quote" element={authenticated(<FindQuote />)} />
        </CustomRoutes>
      </>
    )}
  </Admin>
);
