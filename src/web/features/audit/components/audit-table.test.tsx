// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import type { AuditEntry } from '../../../../contract/bff/audit'
import { groupChanges } from '../pairing'
import { AuditTable } from './audit-table'

afterEach(cleanup)

const CLUSTER = {
  groupId: '6650a1b2c3d4e5f600000001',
  clusterName: 'payments-rs',
}

function entry(
  id: number,
  phase: AuditEntry['phase'],
  more: Partial<AuditEntry> = {},
): AuditEntry {
  return {
    id,
    at: new Date(Date.UTC(2026, 2, 1, 12, 0, id)).toISOString(),
    actor: 'admin',
    action: 'snapshot.take',
    phase,
    intentId: null,
    groupId: null,
    clusterName: null,
    target: null,
    outcome: null,
    atlasId: null,
    requestId: `req-${id}`,
    details: {},
    ...more,
  }
}

const policy = {
  before: { restoreWindowDays: 2 },
  after: { restoreWindowDays: 5 },
}

// Newest first, as the BFF sends them: two changes interleave (#3 and #4), #7 never got an
// outcome, and the intent of outcome #9 lies on an older page.
const entries: AuditEntry[] = [
  entry(10, 'outcome', { intentId: 8, outcome: 'succeeded' }),
  entry(7, 'intent', { ...CLUSTER, action: 'restore.create' }),
  entry(6, 'outcome', {
    ...CLUSTER,
    action: 'policy.update',
    intentId: 3,
    outcome: 'succeeded',
  }),
  entry(5, 'outcome', {
    ...CLUSTER,
    intentId: 4,
    outcome: 'refused',
    details: { errorCode: 'SNAPSHOT_ALREADY_REQUESTED', detail: 'busy' },
  }),
  entry(4, 'intent', {
    ...CLUSTER,
    details: { request: { retentionInDays: 1 } },
  }),
  entry(3, 'intent', { ...CLUSTER, action: 'policy.update', details: policy }),
  entry(2, 'outcome', {
    ...CLUSTER,
    intentId: 1,
    outcome: 'succeeded',
    atlasId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  }),
  entry(1, 'intent', CLUSTER),
]

function renderTable(list = entries, rangeEnds = false) {
  render(
    <AuditTable
      changes={groupChanges(list)}
      entryCount={list.length}
      rangeEnds={rangeEnds}
    />,
  )
  const table = screen.getByRole('table', { name: /^Audit trail/ })
  // The first row group is the header; each other one is a change.
  const [, ...groups] = within(table).getAllByRole('rowgroup')
  const rowsOf = (group: HTMLElement) =>
    within(group)
      .getAllByRole('row')
      .map((row) => row.textContent ?? '')
  return { table, groups, rowsOf, user: userEvent.setup() }
}

describe('groupChanges', () => {
  it('pairs outcomes with their intents, newest change first', () => {
    const changes = groupChanges(entries)
    expect(changes.map((c) => c.id)).toEqual([8, 7, 3, 4, 1])
    expect(changes.map((c) => c.intent?.id)).toEqual([undefined, 7, 3, 4, 1])
    expect(changes.map((c) => c.outcomes.map((o) => o.id))).toEqual([
      [10],
      [],
      [6],
      [5],
      [2],
    ])
  })
})

describe('AuditTable', () => {
  it('shows each change as one row group: its intent, then its outcome', () => {
    const { table, groups, rowsOf } = renderTable()
    expect(table.querySelector('caption')?.textContent).toBe(
      'Audit trail: 8 entries in 5 changes, newest first',
    )
    expect(groups).toHaveLength(5)
    const policyChange = rowsOf(groups[2]!)
    expect(policyChange).toHaveLength(2)
    expect(policyChange[0]).toContain('Intent #3')
    expect(policyChange[0]).toContain('See #6: Succeeded')
    expect(policyChange[1]).toContain('Outcome #6 of #3')
    expect(policyChange[1]).toContain('Change backup policy')

    const refused = rowsOf(groups[3]!)
    expect(refused[0]).toContain('Intent #4')
    expect(refused[1]).toContain('Outcome #5 of #4')
    expect(refused[1]).toContain('RefusedSNAPSHOT_ALREADY_REQUESTED')

    const first = rowsOf(groups[4]!)
    expect(first[1]).toContain('aaaaaaaaaaaaaaaaaaaaaaaa')
    expect(first[0]).toContain('2026-03-01 12:00:01 UTC')
  })

  it('says when an intent has no outcome, or an outcome’s intent is not loaded', () => {
    const { groups, rowsOf } = renderTable()
    expect(rowsOf(groups[1]!)).toEqual([
      expect.stringContaining(
        'No outcome recordedstill running, or cut off before Atlas answered',
      ),
    ])
    expect(rowsOf(groups[0]!)[0]).toContain(
      'Outcome #10 of #8intent not loaded',
    )
  })

  it('with a time range that ends, a missing outcome may lie after it', () => {
    renderTable(entries, true)
    expect(
      screen.getByText('none before the end of the time range'),
    ).toBeTruthy()
  })

  it('expands and collapses an entry’s details, pretty-printed', async () => {
    const { user } = renderTable()
    expect(
      screen.queryByRole('button', { name: 'Show details of #1' }),
    ).toBeNull()
    const show = screen.getByRole('button', { name: 'Show details of #3' })
    expect(show.getAttribute('aria-expanded')).toBe('false')
    await user.click(show)

    const hide = screen.getByRole('button', { name: 'Hide details of #3' })
    expect(hide.getAttribute('aria-expanded')).toBe('true')
    const details = screen.getByRole('region', { name: 'Details of #3' })
    expect(hide.getAttribute('aria-controls')).toBe(details.id)
    expect(details.textContent).toBe(JSON.stringify(policy, null, 2))
    expect(details.textContent).toContain('\n  "before": {\n')

    await user.click(hide)
    expect(screen.queryByRole('region', { name: 'Details of #3' })).toBeNull()
    expect(
      screen.getByRole('button', { name: 'Show details of #3' }),
    ).toHaveProperty('ariaExpanded', 'false')
  })
})
