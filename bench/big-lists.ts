import { chromium } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { parseConfig } from '../src/bff/config'
import { startBff } from '../src/bff/server'
import { parseSandboxConfig } from '../src/sandbox/config'
import { createSandbox, type Sandbox } from '../src/sandbox/sandbox'
import { getCluster } from '../src/sandbox/state/clusters-repo'
import {
  listSnapshots,
  storeSnapshot,
} from '../src/sandbox/state/snapshots-repo'
import {
  FILTER_PROBE,
  LAST_PAGE_AT,
  RENDER_PROBE,
  SCROLL_TO_MIDDLE,
  TABLE_ROWS,
} from './big-list-page'
import { type Figure, median, sleep } from './figures'
import { projectId, signIn } from './load'

// The snapshot browser holding 10,000 snapshots, in Chromium: time to render the table, time
// for each keystroke in the search box to show its result, and how many rows are in the DOM.

const SNAPSHOTS = 10_000
const FILTER_TARGET_MS = 50
const ROWS_BOUND = 60
const PASSWORD = 'bench-admin-password'
const HOUR_MS = 3_600_000
// Description words no snapshot id (hex), replica set name (payments-rs-shard-0) or other
// description contains by accident, so each keystroke narrows the list.
const LETTERS = 'gijkoquvwxz'

function code(i: number): string {
  let n = (i * 7919) % LETTERS.length ** 4
  let word = ''
  for (let k = 0; k < 4; k++) {
    word += LETTERS[n % LETTERS.length] ?? ''
    n = Math.floor(n / LETTERS.length)
  }
  return word
}

/** Fills payments-rs up to 10,000 snapshots, one an hour back from now, every 4th on demand. */
function fillSnapshots(sandbox: Sandbox, groupId: string): string[] {
  const { ctx } = sandbox
  const cluster = getCluster(ctx.db, groupId, 'payments-rs')
  if (cluster?.kind !== 'dedicated') throw new Error('no payments-rs')
  const now = ctx.clock.now()
  const missing = SNAPSHOTS - listSnapshots(ctx, groupId, 'payments-rs').length
  const frequencies = ['hourly', 'daily', 'weekly', 'monthly'] as const
  ctx.db.transaction(() => {
    for (let i = 0; i < missing; i++) {
      const at = now - (i + 1) * HOUR_MS - 17 * 60_000
      const onDemand = i % 4 === 0
      storeSnapshot(
        ctx.db,
        cluster.doc,
        {
          groupId,
          clusterName: 'payments-rs',
          at,
          snapshotType: onDemand ? 'onDemand' : 'scheduled',
          ...(onDemand
            ? { description: code(i) }
            : { frequencyType: frequencies[i % 4] ?? 'daily' }),
          expiresAt: now + 3650 * 24 * HOUR_MS,
          completesAt: at + 5 * 60_000,
        },
        now,
      )
    }
  })()
  return [code(4 * 301), code(4 * 1777)]
}

export async function bigListFigures(distDir: string): Promise<Figure[]> {
  const dirs = ['sandbox', 'bff'].map((name) =>
    mkdtempSync(path.join(tmpdir(), `bench-lists-${name}-`)),
  )
  const sandbox = createSandbox(
    parseSandboxConfig({
      DATA_DIR: dirs[0],
      SANDBOX_LOG_LEVEL: 'silent',
      // Only the bench moves the clock: no snapshot is taken or expired meanwhile.
      SANDBOX_TICK_MS: '3600000',
      SANDBOX_RATE_CAPACITY: '1000000',
      SANDBOX_RATE_REFILL_PER_MINUTE: '1000000',
    }),
  )
  const sandboxUrl = await sandbox.listen(0, '127.0.0.1')
  const cfg = sandbox.ctx.config
  const bff = await startBff(
    parseConfig({
      PORT: '0',
      DATA_DIR: dirs[1],
      STATIC_DIR: distDir,
      LOG_LEVEL: 'silent',
      ADMIN_PASSWORD: PASSWORD,
    }),
    {
      baseUrl: sandboxUrl,
      auth: {
        kind: 'apiKey',
        publicKey: cfg.SANDBOX_PUBLIC_KEY,
        privateKey: cfg.SANDBOX_PRIVATE_KEY,
      },
      label: 'bench sandbox',
    },
  )
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const cookie = await signIn(bff.url, 'admin', PASSWORD)
    const groupId = await projectId(bff.url, cookie, 'payments-prod')
    const queries = fillSnapshots(sandbox, groupId)
    const total = listSnapshots(sandbox.ctx, groupId, 'payments-rs').length

    const context = await browser.newContext({
      baseURL: bff.url,
      viewport: { width: 1280, height: 900 },
      // The probes are strings evaluated in the page; the app's CSP would refuse them.
      bypassCSP: true,
    })
    const res = await context.request.post('/api/session', {
      data: { username: 'admin', password: PASSWORD },
      headers: { origin: bff.url },
    })
    if (!res.ok()) throw new Error(`browser sign-in: ${res.status()}`)
    const page = await context.newPage()
    await page.addInitScript({
      content: `window.__expected = ${total};\n${RENDER_PROBE}`,
    })
    await page.goto(`/projects/${groupId}/clusters/payments-rs/snapshots`)
    await page.waitForFunction(
      'window.__bench.renderedAt !== undefined',
      null,
      {
        timeout: 120_000,
      },
    )
    const renderedAt = await page.evaluate<number>('window.__bench.renderedAt')
    const lastPageAt = await page.evaluate<number>(LAST_PAGE_AT)
    const rowsAtTop = await page.evaluate<number>(TABLE_ROWS)
    await page.evaluate(SCROLL_TO_MIDDLE)
    await sleep(500)
    const rowsInMiddle = await page.evaluate<number>(TABLE_ROWS)

    await page.evaluate(FILTER_PROBE)
    const search = page.locator('#snapshot-search')
    for (const query of queries) {
      await search.pressSequentially(query, { delay: 500 })
      await sleep(800)
      await search.press('Control+A')
      await search.press('Backspace')
      await sleep(1_000)
    }
    const runs = await page.evaluate<
      {
        start: number
        painted: number
      }[]
    >('window.__bench.filters')
    const rowsAfterFilter = await page.evaluate<number>(TABLE_ROWS)
    const times = runs.map((r) => r.painted - r.start)
    const filterMedian = median(times)
    const rows = Math.max(rowsAtTop, rowsInMiddle, rowsAfterFilter)
    await context.close()
    return [
      {
        name: 'lists.render',
        value: renderedAt,
        unit: 'ms',
        note: `navigation start to the table of ${total} snapshots painted`,
      },
      {
        name: 'lists.render-after-data',
        value: renderedAt - lastPageAt,
        unit: 'ms',
        note: `last page of the list (${Math.ceil(total / 500)} pages of 500) received to table painted`,
      },
      {
        name: 'lists.filter',
        value: filterMedian,
        unit: 'ms',
        target: `<= ${FILTER_TARGET_MS} ms`,
        ratio: filterMedian / FILTER_TARGET_MS,
        met: filterMedian <= FILTER_TARGET_MS,
        note: `keydown to painted result, median of ${times.length} keystrokes; max ${Math.round(Math.max(...times))} ms`,
      },
      {
        name: 'lists.rows-in-dom',
        value: rows,
        unit: 'rows',
        target: `<= ${ROWS_BOUND} (of ${total})`,
        ratio: rows / ROWS_BOUND,
        met: rows <= ROWS_BOUND,
        note: 'most table rows in the DOM: at the top, scrolled halfway, filtered',
      },
    ]
  } finally {
    await browser.close()
    await bff.close()
    await sandbox.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}
