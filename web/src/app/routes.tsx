// Every page of the app, in the order of the navigation. A newcomer finds a page's code in
// features/<name>/. Admin pages render only for administrators (see Layout's guard); the
// server refuses their operations to anyone else regardless.
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { AdminOnly, Layout, NotFound } from './Layout.tsx';

// Each page is its own chunk: a developer's first load does not carry the admin console, and
// nobody downloads the charts library before opening the dashboard.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Component: ComponentType = lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
  return (
    <Suspense
      fallback={
        <p role="status" className="page-loading">
          Loading…
        </p>
      }
    >
      <Component />
    </Suspense>
  );
}

export interface Page {
  path: string;
  label: string;
  element: ReactElement;
  adminOnly?: boolean;
}

const PAGES: readonly Page[] = [
  {
    path: '/',
    label: 'Dashboard',
    element: page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage'),
  },
  {
    path: '/assistant',
    label: 'Assistant',
    element: page(() => import('../features/assistant/AssistantPage.tsx'), 'AssistantPage'),
  },
  { path: '/apis', label: 'My APIs', element: page(() => import('../features/apis/MyApisPage.tsx'), 'MyApisPage') },
  {
    path: '/tokens',
    label: 'Access tokens',
    element: page(() => import('../features/tokens/AccessTokensPage.tsx'), 'AccessTokensPage'),
  },
  {
    path: '/admin/access',
    label: 'Access',
    element: page(() => import('../features/admin/access/AccessPage.tsx'), 'AccessPage'),
    adminOnly: true,
  },
  {
    path: '/admin/credentials',
    label: 'Credentials',
    element: page(() => import('../features/admin/credentials/CredentialsPage.tsx'), 'CredentialsPage'),
    adminOnly: true,
  },
  {
    path: '/admin/endpoints',
    label: 'Endpoints',
    element: page(() => import('../features/admin/endpoints/EndpointsPage.tsx'), 'EndpointsPage'),
    adminOnly: true,
  },
  {
    path: '/admin/people',
    label: 'People',
    element: page(() => import('../features/admin/people/PeoplePage.tsx'), 'PeoplePage'),
    adminOnly: true,
  },
  {
    path: '/admin/sso',
    label: 'Single sign-on',
    element: page(() => import('../features/admin/sso/SsoSettingsPage.tsx'), 'SsoSettingsPage'),
    adminOnly: true,
  },
  {
    path: '/admin/dashboard',
    label: 'Dashboard settings',
    element: page(() => import('../features/admin/dashboard/DashboardSettingsPage.tsx'), 'DashboardSettingsPage'),
    adminOnly: true,
  },
  {
    path: '/audit',
    label: 'Audit log',
    element: page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage'),
    adminOnly: true,
  },
  {
    path: '/analytics',
    label: 'Analytics',
    element: page(() => import('../features/analytics/AnalyticsPage.tsx'), 'AnalyticsPage'),
    adminOnly: true,
  },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout pages={PAGES} />}>
        {PAGES.map((page) => (
          <Route
            key={page.path}
            path={page.path}
            element={page.adminOnly ? <AdminOnly>{page.element}</AdminOnly> : page.element}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
