import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  auditCsvColumns,
  type AuditPage,
  auditPageSchema,
} from '../../contract/bff/audit'
import {
  startTestBff,
  type TestBff,
  type TestBrowser,
} from '../../testing/bff-harness'
import { appendAudit } from '../db/audit-repo'

let t: TestBff
let admin: TestBrowser

const GROUP = '6650a1b2c3d4e5f600000001'
const DAY = 86_400_000
const base = Date.parse('2025-03-01T00:00:00Z')

/** A minimal RFC 4180 reader, to check the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

beforeAll(async () => {
  t = await startTestBff()
  admin = await t.browser('admin')
  // Ten days of entries by two people; one with text that a spreadsheet would misread.
  for (let day = 0; day < 10; day++) {
    appendAudit(t.bff.db, {
      at: base + day * DAY,
      actor: day % 2 === 0 ? 'alice' : 'bob',
      action: day < 5 ? 'restore.create' : 'snapshot.delete',
      phase: 'intent',
      groupId: GROUP,
      clusterName: day < 5 ? 'payments-rs' : 'payments-staging',
      atlasId: `6650a1b2c3d4e5f6000001${String(day).padStart(2, '0')}`,
      details: { day },
    })
  }
  appendAudit(t.bff.db, {
    at: base + 20 * DAY,
    actor: 'mallory',
    action: 'policy.update',
    phase: 'outcome',
    target: '=HYPERLINK("http://evil.example","click")',
    outcome: 'succeeded',
    details: { note: 'line one\nline "two", with a comma' },
  })
})
afterAll(async () => {
  await t.close()
})

async function page(query: string): Promise<AuditPage> {
  const res = await admin.call('GET', `/api/audit${query}`)
  expect(res.status, res.text).toBe(200)
  return auditPageSchema.parse(res.body)
}

describe('GET /api/audit', () => {
  it('lists entries newest first, filtered, in pages', async () => {
    const all = await page('')
    expect(all.entries[0]?.actor).toBe('mallory')
    const ids = all.entries.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(all.nextBefore).toBeNull()

    const alice = await page('?actor=alice&action=restore.create')
    expect(alice.entries.map((e) => e.details.day)).toEqual([4, 2, 0])
    expect(alice.entries[0]).toMatchObject({
      groupId: GROUP,
      clusterName: 'payments-rs',
      phase: 'intent',
      at: new Date(base + 4 * DAY).toISOString(),
    })

    const byCluster = await page(
      `?groupId=${GROUP}&clusterName=payments-staging`,
    )
    expect(byCluster.entries).toHaveLength(5)
    const byId = await page('?atlasId=6650a1b2c3d4e5f600000107')
    expect(byId.entries.map((e) => e.details.day)).toEqual([7])

    const window = await page(
      `?from=${new Date(base + 2 * DAY).toISOString()}&to=${new Date(base + 4 * DAY).toISOString()}`,
    )
    expect(window.entries.map((e) => e.details.day)).toEqual([4, 3, 2])

    const first = await page('?limit=4&actor=alice')
    expect(first.entries).toHaveLength(4)
    expect(first.nextBefore).toBe(first.entries[3]?.id)
    const second = await page(`?limit=4&actor=alice&before=${first.nextBefore}`)
    expect(second.entries.map((e) => e.details.day)).toEqual([0])
    expect(second.nextBefore).toBeNull()
  })

  it('exports CSV that a spreadsheet opens safely', async () => {
    const res = await admin.call('GET', '/api/audit?format=csv&limit=3')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-.*\.csv"$/,
    )
    expect(res.headers['x-next-before']).toMatch(/^\d+$/)
    const rows = parseCsv(res.text)
    expect(rows[0]).toEqual([...auditCsvColumns])
    expect(rows).toHaveLength(4)
    const record = Object.fromEntries(
      auditCsvColumns.map((c, i) => [c, rows[1]?.[i]]),
    )
    expect(record).toMatchObject({
      actor: 'mallory',
      phase: 'outcome',
      outcome: 'succeeded',
      groupId: '',
      // Formula injection defused: the cell starts with an apostrophe.
      target: `'=HYPERLINK("http://evil.example","click")`,
    })
    expect(JSON.parse(record.details ?? '')).toEqual({
      note: 'line one\nline "two", with a comma',
    })
  })

  it('refuses bad parameters, naming each', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?limit=ten', 'limit'],
      ['?before=-1', 'before'],
      ['?from=yesterday', 'from'],
      ['?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', 'to'],
      ['?groupId=payments', 'groupId'],
      ['?clusterName=-bad', 'clusterName'],
      ['?format=xml', 'format'],
      ['?actor=a&actor=b', 'actor'],
      ['?sort=asc', 'sort'],
    ]
    for (const [query, field] of cases) {
      const res = await admin.call('GET', `/api/audit${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body, query).toMatchObject({
        errorCode: 'VALIDATION_ERROR',
        badRequestDetail: { fields: [expect.objectContaining({ field })] },
      })
    }
  })

  it('is for admins only', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      const res = await (await t.browser(role)).call('GET', '/api/audit')
      expect(res.status).toBe(403)
      expect((res.body as { detail: string }).detail).toContain('audit trail')
    }
    expect((await (await t.browser()).call('GET', '/api/audit')).status).toBe(
      401,
    )
  })
})
