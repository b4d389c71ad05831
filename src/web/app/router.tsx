import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'

import { paths } from '../lib/paths'
import { RootLayout } from './routes/root-layout'

const router = createBrowserRouter([
  {
    path: paths.home(),
    Component: RootLayout,
    children: [
      {
        index: true,
        lazy: () =>
          import('./routes/home').then((m) => ({ Component: m.HomeRoute })),
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

export function AppRouter() {
  return <RouterProvider router={router} />
}
