import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const bffUrl = process.env.BFF_URL ?? 'http://127.0.0.1:8080'

// `vite build` builds the SPA into dist/; `vite build --ssr src/main.ts` builds the BFF (with
// the embedded sandbox) into one module, dist-server/main.js, its packages left as imports:
// what `npm start` runs, without a TypeScript loader in the process.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  build: isSsrBuild
    ? {
        outDir: 'dist-server',
        sourcemap: true,
        copyPublicDir: false,
        target: 'node20',
      }
    : {
        outDir: 'dist',
        sourcemap: true,
        manifest: true,
      },
  server: {
    proxy: {
      '/api': { target: bffUrl, changeOrigin: false },
      '/healthz': bffUrl,
      '/readyz': bffUrl,
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/setup-tests.ts'],
    // BFF and sandbox tests start real servers on loopback; keep the 2-core machine unflooded.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}))
