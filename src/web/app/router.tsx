import { createBrowserRouter, redirect } from 'react-router'
import { RouterProvider } from 'react-router/dom'

import { setUnauthenticatedHandler } from '../lib/api-client'
import { paths } from '../lib/paths'
import { sessionQuery } from '../lib/session'
import { queryClient } from './query-client'
import { RootLayout } from './routes/root-layout'
import { RouteError } from './routes/route-error'

/** Signed-in pages: without a session, go to sign-in and come back here afterwards. */
async function requireSession({ request }: { request: Request }) {
  const operator = await queryClient.query({
    ...sessionQuery(),
    staleTime: 'static',
  })
  if (!operator) {
    const url = new URL(request.url)
    return redirect(paths.signIn(`${url.pathname}${url.search}`))
  }
  return operator
}

const router = createBrowserRouter([
  {
    path: '/sign-in',
    lazy: () =>
      import('./routes/sign-in').then((m) => ({ Component: m.SignInRoute })),
  },
  {
    path: '/',
    id: 'signed-in',
    loader: requireSession,
    Component: RootLayout,
    ErrorBoundary: RouteError,
    children: [
      {
        index: true,
        lazy: () =>
          import('./routes/clusters').then((m) => ({
            Component: m.ClustersRoute,
            loader: m.clustersLoader,
          })),
      },
      {
        path: 'projects/:groupId/:kind/:name/snapshots',
        lazy: () =>
          import('./routes/snapshots').then((m) => ({
            Component: m.SnapshotsRoute,
            loader: m.snapshotsLoader,
            shouldRevalidate: m.snapshotsShouldRevalidate,
          })),
      },
      {
        path: 'restores/new/:step?',
        lazy: () =>
          import('./routes/restore-wizard').then((m) => ({
            Component: m.RestoreWizardRoute,
            loader: m.restoreWizardLoader,
          })),
      },
      {
        path: 'projects/:groupId/clusters/:name/policy',
        lazy: () =>
          import('./routes/policy').then((m) => ({
            Component: m.PolicyRoute,
            loader: m.policyLoader,
          })),
      },
      {
        path: 'restores',
        lazy: () =>
          import('./routes/restore-jobs').then((m) => ({
            Component: m.RestoreJobsRoute,
            loader: m.restoreJobsLoader,
          })),
      },
      {
        path: 'restores/:kind/:groupId/:clusterName/:jobId',
        lazy: () =>
          import('./routes/restore-job').then((m) => ({
            Component: m.RestoreJobRoute,
            loader: m.restoreJobLoader,
          })),
      },
      {
        path: 'audit',
        lazy: () =>
          import('./routes/audit').then((m) => ({
            Component: m.AuditRoute,
            loader: m.auditLoader,
          })),
      },
      {
        path: 'users',
        lazy: () =>
          import('./routes/users').then((m) => ({
            Component: m.UsersRoute,
            loader: m.usersLoader,
          })),
      },
      {
        path: '*',
        lazy: () =>
          import('./routes/not-found').then((m) => ({
            Component: m.NotFoundRoute,
          })),
      },
    ],
  },
])

// The session ended while working (expiry, sign-out elsewhere): sign in again, then return.
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location
  if (pathname === '/sign-in') return
  queryClient.setQueryData(sessionQuery().queryKey, null)
  void router.navigate(paths.signIn(`${pathname}${search}`))
})

export function AppRouter() {
  return <RouterProvider router={router} />
}
