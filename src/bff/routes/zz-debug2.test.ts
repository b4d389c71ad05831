import { it } from 'vitest'
import { startTestBff } from '../../testing/bff-harness'
import { openEvents, sessionCookie } from '../jobs/sse-test-client'

it('closes', async () => {
  const t = await startTestBff(
    {},
    { sandboxEnv: { SANDBOX_TICK_MS: '3600000' } },
  )
  const cookie = await sessionCookie(t.url, 'viewer')
  const mode = process.env.MODE ?? 'a'
  const s = await openEvents(t.url, { cookie })
  const ready = await s.waitFor((e) => e.type === 'ready')
  if (mode.includes('c')) s.close()
  if (mode.includes('l')) {
    const again = await openEvents(t.url, {
      cookie,
      lastEventId: ready.id ?? '',
    })
    await again.waitFor((e) => e.type === 'ready')
  }
  if (mode.includes('w')) await new Promise((r) => setTimeout(r, 300))
  const at = Date.now()
  const log = (m: string) => process.stdout.write(`${m} ${Date.now() - at}\n`)
  const count = () =>
    new Promise((r) => t.bff.app.server.getConnections((_e, n) => r(n)))
  log(`conns ${String(await count())}`)
  t.bff.jobs.stop()
  log('stopped')
  await new Promise((r) => setTimeout(r, 100))
  log(`conns ${String(await count())}`)
  await t.bff.app.close()
  log('app closed')
  await t.sandbox.close()
  log('sandbox closed')
}, 20000)
