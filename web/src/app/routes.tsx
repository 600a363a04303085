// Every page of the app, in the order of the navigation. A newcomer finds a page's code in
// features/<name>/. Admin pages render only for administrators (see Layout's guard); the
// server refuses their operations to anyone else regardless.
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { AccessPage } from '../features/admin/access/AccessPage.tsx';
import { CredentialsPage } from '../features/admin/credentials/CredentialsPage.tsx';
import { EndpointsPage } from '../features/admin/endpoints/EndpointsPage.tsx';
import { PeoplePage } from '../features/admin/people/PeoplePage.tsx';
import { MyApisPage } from '../features/apis/MyApisPage.tsx';
import { AssistantPage } from '../features/assistant/AssistantPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { AdminOnly, Layout, NotFound } from './Layout.tsx';

export interface Page {
  path: string;
  label: string;
  element: ReactElement;
  adminOnly?: boolean;
}

export const PAGES: readonly Page[] = [
  { path: '/', label: 'Dashboard', element: <DashboardPage /> },
  { path: '/assistant', label: 'Assistant', element: <AssistantPage /> },
  { path: '/apis', label: 'My APIs', element: <MyApisPage /> },
  { path: '/admin/access', label: 'Access', element: <AccessPage />, adminOnly: true },
  { path: '/admin/credentials', label: 'Credentials', element: <CredentialsPage />, adminOnly: true },
  { path: '/admin/endpoints', label: 'Endpoints', element: <EndpointsPage />, adminOnly: true },
  { path: '/admin/people', label: 'People', element: <PeoplePage />, adminOnly: true },
  { path: '/audit', label: 'Audit log', element: <AuditPage />, adminOnly: true },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout pages={PAGES} />}>
        {PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={page.adminOnly ? <AdminOnly>{page.element}</AdminOnly> : page.element} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
