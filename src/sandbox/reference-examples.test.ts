import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaType } from '../contract/atlas/versions'
import { startTestSandbox, type TestSandbox } from '../testing/sandbox-harness'
import { PAYMENTS, conforms } from './atlas-test-kit'
import { restoreKit } from './sim/restore-test-kit'

// The reference pages' own example requests, run with curl itself (so its --digest does the
// auth) against the sandbox, unchanged but for the host, the ids and the credentials. The page
// documents the legacy v1.0 API, so the two steps of Atlas's migration guide are applied too:
// the base URL /api/atlas/v1.0 becomes /api/atlas/v2 and Accept names the resource's version.
// Reference 000 gives only Atlas CLI commands, no curl, so only 001 has requests to replay.

const root = fileURLToPath(new URL('../../', import.meta.url))
const referenceDir = path.resolve(
  root,
  process.env.ATLAS_REFERENCE_DIR ?? '../shared/reference',
)
const page001 = path.join(referenceDir, '001_f242c5b7872d79e9.txt')
const run = promisify(execFile)

async function hasCurl(): Promise<boolean> {
  try {
    await run('curl', ['--version'])
    return true
  } catch {
    return false
  }
}

/** The example's command as curl's argument list: numbered lines joined, then shell words. */
function exampleCurlArgs(page: string): string[] {
  const start = page.indexOf('## Example Request')
  const end = page.indexOf('## Example Response', start)
  const lines = page
    .slice(start, end)
    .split('\n')
    .map((line) => /^\s*\d*\|\s?(.*)$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined)
    .map((line) => line.trimEnd())
  const command = lines.join('\n').replace(/\\\n/g, ' ')
  const words: string[] = []
  const word = /"([^"]*)"|'([^']*)'|(\S+)/g
  for (const match of command.matchAll(word)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? '')
  }
  expect(words[0]).toBe('curl')
  return words.slice(1)
}

function lastResponse(output: string) {
  const parts = output.split(/\r?\n\r?\n/)
  let status = 0
  let body = ''
  for (let i = 0; i < parts.length; i++) {
    const statusLine = /^HTTP\/[\d.]+ (\d{3})/.exec(parts[i] ?? '')
    if (statusLine) {
      status = Number(statusLine[1])
      body = parts.slice(i + 1).join('\n\n')
    }
  }
  return { status, body }
}

const available = existsSync(page001) && (await hasCurl())

describe.skipIf(!available)(
  'reference 001: Create a Cloud Backup Restore Job',
  () => {
    let sb: TestSandbox
    const kit = restoreKit(() => sb)

    beforeAll(async () => {
      sb = await startTestSandbox({ SANDBOX_RATE_CAPACITY: '100000' })
    })
    afterAll(async () => {
      await sb.close()
    })

    it('accepts the automated example request as curl sends it', async () => {
      const snapshot = await kit.latestCompleted(PAYMENTS, 'payments-rs')
      const cfg = sb.sandbox.ctx.config
      const values: Record<string, string> = {
        '{PUBLIC-KEY}': cfg.SANDBOX_PUBLIC_KEY,
        '{PRIVATE-KEY}': cfg.SANDBOX_PRIVATE_KEY,
        '{GROUP-ID}': PAYMENTS,
        '{SOURCE-CLUSTER-NAME}': 'payments-rs',
        '{SNAPSHOT-ID}': snapshot.id,
        '{TARGET-CLUSTER-NAME}': 'payments-staging',
        '{TARGET-GROUP-ID}': PAYMENTS,
        'https://cloud.mongodb.com/api/atlas/v1.0': `${sb.url}/api/atlas/v2`,
        'Accept: application/json': `Accept: ${mediaType('2023-01-01')}`,
      }
      const page = readFileSync(page001, 'utf8')
      const args = exampleCurlArgs(page).map((arg) =>
        Object.entries(values).reduce(
          (a, [from, to]) => a.split(from).join(to),
          arg,
        ),
      )
      expect(args).toEqual(
        expect.arrayContaining(['--digest', '--include', '--request', 'POST']),
      )
      expect(args.join(' ')).not.toMatch(/\{[A-Z-]+\}/)

      const { stdout } = await run('curl', [
        '--silent',
        '--show-error',
        ...args,
      ])
      const { status, body } = lastResponse(stdout)
      expect(status, body).toBe(200)
      const job = JSON.parse(body) as Record<string, unknown>
      const url = new URL(args.find((a) => a.startsWith(sb.url)) ?? '')
      conforms({
        status,
        body: job,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': mediaType('2023-01-01') },
      })

      // The example response's fields are all there, with its link relations.
      const example = page.slice(page.indexOf('## Example Response'))
      const keys = [...example.matchAll(/^\s*\d+\|\s+"(\w+)":/gm)].map(
        (m) => m[1],
      )
      for (const key of keys.filter((k) => k !== 'href' && k !== 'rel')) {
        expect(job, `field ${key ?? ''}`).toHaveProperty(key ?? '')
      }
      const rels = [...example.matchAll(/"rel": "([^"]+)"/g)].map((m) => m[1])
      expect((job.links as { rel: string }[]).map((l) => l.rel)).toEqual(rels)
      expect(job).toMatchObject({
        deliveryType: 'automated',
        snapshotId: snapshot.id,
        targetClusterName: 'payments-staging',
        targetGroupId: PAYMENTS,
        cancelled: false,
        expired: false,
      })
    })
  },
)
