import { describe, expect, it } from 'vitest'

import { ApiProblem } from '../http/errors'
import { applyPoll } from './apply-poll'
import type { LiveJobData } from './live-job'

const running = { id: 'a'.repeat(24), deliveryType: 'automated' as const }
const finished = { ...running, finishedAt: '2026-03-01T12:00:00Z' }

function job(): LiveJobData {
  return {
    kind: 'dedicated',
    groupId: 'b'.repeat(24),
    clusterName: 'payments-rs',
    jobId: running.id,
    state: 'inProgress',
    doc: running,
    createdAt: '2026-03-01T11:00:00.000Z',
    createdBy: 'operator',
    updatedAt: null,
    checkedAt: null,
    watching: true,
    stale: false,
    problem: null,
  }
}

const ok = (doc: typeof running, state: LiveJobData['state']) =>
  ({ ok: true, fetched: { doc, state } }) as const
const failed = (status: number, code: string) =>
  ({ ok: false, problem: new ApiProblem(status, code, 'no') }) as const

describe('applyPoll', () => {
  it('publishes and persists only changes, and stops at a terminal state (R10)', () => {
    const j = job()
    expect(applyPoll(j, ok(running, 'inProgress'), 1)).toEqual({
      changed: false,
      done: false,
      publish: false,
      persist: false,
    })
    expect(j.checkedAt).toBe(new Date(1).toISOString())
    expect(applyPoll(j, ok(finished, 'completed'), 2)).toEqual({
      changed: true,
      done: true,
      publish: true,
      persist: true,
    })
    expect(j).toMatchObject({
      state: 'completed',
      watching: false,
      doc: finished,
    })
  })

  it('keeps the last state on failure, marks it stale once, and recovers', () => {
    const j = job()
    expect(applyPoll(j, failed(429, 'RATE_LIMITED'), 1)).toMatchObject({
      publish: true,
      persist: false,
      done: false,
    })
    expect(j).toMatchObject({ state: 'inProgress', stale: true, doc: running })
    expect(applyPoll(j, failed(429, 'RATE_LIMITED'), 2).publish).toBe(false)
    expect(applyPoll(j, failed(503, 'SERVICE_UNAVAILABLE'), 3).publish).toBe(
      true,
    )
    expect(applyPoll(j, ok(running, 'inProgress'), 4)).toMatchObject({
      publish: true,
      persist: false,
    })
    expect(j).toMatchObject({ stale: false, problem: null })
  })

  it('stops watching a job Atlas no longer knows', () => {
    const j = job()
    expect(applyPoll(j, failed(404, 'RESOURCE_NOT_FOUND'), 1)).toMatchObject({
      done: true,
      persist: true,
      publish: true,
    })
    expect(j).toMatchObject({
      watching: false,
      stale: true,
      state: 'inProgress',
    })
  })
})
