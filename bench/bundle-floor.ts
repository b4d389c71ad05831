import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'

// The floor of the initial route's bundle: a minimal app that imports and uses the same
// libraries the initial route loads (react, react-dom/client, react-router, TanStack Query,
// zod), built with the project's own Vite config and plugins. What the real initial route adds
// on top of it is our own code.

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>floor</title></head>
  <body><div id="root"></div><script type="module" src="/main.tsx"></script></body>
</html>
`

// Each library is used the way the SPA's shell uses it, so tree-shaking keeps what it keeps.
const MAIN_TSX = `import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, Link, Outlet, redirect } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { z } from 'zod'

const operatorSchema = z.object({
  name: z.string(),
  role: z.enum(['viewer', 'operator', 'admin']),
  expiresAt: z.iso.datetime(),
})
const queryClient = new QueryClient()
const sessionQuery = {
  queryKey: ['session'],
  queryFn: async () => operatorSchema.parse(await (await fetch('/api/session')).json()),
}

function Shell() {
  const session = useQuery(sessionQuery)
  return (
    <main>
      <Link to="/">{session.data?.name ?? 'floor'}</Link>
      <Outlet />
    </main>
  )
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <p>sign in</p> },
  {
    path: '/',
    loader: async () => ((await queryClient.fetchQuery(sessionQuery)) ? null : redirect('/sign-in')),
    Component: Shell,
    children: [{ index: true, element: <p>home</p> }],
  },
])

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
`

/**
 * Writes the floor app under node_modules/.cache (so bare imports resolve to the project's
 * node_modules) and builds it into `outDir` with the project's vite.config.ts.
 */
export async function buildFloor(root: string, outDir: string): Promise<void> {
  const cache = path.join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(path.join(cache, 'bench-floor-'))
  writeFileSync(path.join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(path.join(dir, 'main.tsx'), MAIN_TSX)
  try {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      root: dir,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
