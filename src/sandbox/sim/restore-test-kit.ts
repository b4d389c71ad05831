import { expect } from 'vitest'

import type { RestoreJob } from '../../contract/atlas/restore-job'
import type { TestSandbox } from '../../testing/sandbox-harness'
import { PAYMENTS, conforms } from '../atlas-test-kit'
import type { SnapshotDoc } from '../state/snapshots-repo'

// Shared by the restore job tests (routes, simulation, reference examples): calls over real
// HTTP whose answers are checked against the official spec when it is present.

export const DAY_MS = 86_400_000

export const toStaging = {
  targetGroupId: PAYMENTS,
  targetClusterName: 'payments-staging',
}

export const jobsPath = (groupId: string, cluster: string, rest = '') =>
  `/groups/${groupId}/clusters/${cluster}/backup/restoreJobs${rest}`

export function restoreKit(sb: () => TestSandbox) {
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ) => conforms(await sb().atlas({ method, path, body }))

  const snapshots = async (groupId: string, cluster: string) => {
    const res = await call(
      'GET',
      `/groups/${groupId}/clusters/${cluster}/backup/snapshots`,
    )
    expect(res.status).toBe(200)
    return (res.body as { results: SnapshotDoc[] }).results
  }

  const create = (groupId: string, cluster: string, body: unknown) =>
    call('POST', jobsPath(groupId, cluster), body)
  const cancel = (groupId: string, cluster: string, id: string) =>
    call('DELETE', jobsPath(groupId, cluster, `/${id}`))
  /** Creates a job that must be accepted, and returns it. */
  const accepted = async (groupId: string, cluster: string, body: unknown) => {
    const res = await create(groupId, cluster, body)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body as RestoreJob & { id: string }
  }

  return {
    call,
    snapshots,
    accepted,
    cancel,
    /** Accepted, then cancelled so that its target is free for the next case. */
    async acceptedThenCancelled(
      groupId: string,
      cluster: string,
      body: unknown,
    ) {
      const job = await accepted(groupId, cluster, body)
      expect((await cancel(groupId, cluster, job.id)).status).toBe(204)
      return job
    },
    async reset() {
      expect((await sb().control('POST', '/reset')).status).toBe(200)
    },
    create,
    async job(groupId: string, cluster: string, id: string) {
      const res = await call('GET', jobsPath(groupId, cluster, `/${id}`))
      expect(res.status).toBe(200)
      return res.body as RestoreJob
    },
    /** The completed snapshots of some clusters, each with its cluster (R3 tests). */
    async completedOf(groupId: string, clusters: readonly string[]) {
      const found: { id: string; cluster: string }[] = []
      for (const cluster of clusters) {
        for (const s of await snapshots(groupId, cluster)) {
          if (s.status === 'completed') found.push({ id: s.id ?? '', cluster })
        }
      }
      return found
    },
    /** The newest completed snapshot of a cluster. */
    async latestCompleted(groupId: string, cluster: string) {
      const all = await snapshots(groupId, cluster)
      const found = all.find((s) => s.status === 'completed')
      if (!found?.id || !found.createdAt) throw new Error('no snapshot')
      return {
        id: found.id,
        createdAt: Date.parse(found.createdAt),
        doc: found,
      }
    },
    async now(): Promise<number> {
      const res = await sb().control('GET', '/clock')
      return Date.parse((res.body as { now: string }).now)
    },
    async advance(by: Record<string, number>) {
      const res = await sb().control('POST', '/clock/advance', by)
      expect(res.status).toBe(200)
    },
    async lineage(groupId: string, cluster: string) {
      const res = await sb().control('GET', `/lineage/${groupId}/${cluster}`)
      expect(res.status).toBe(200)
      return (
        res.body as {
          segments: {
            groupId: string
            clusterName: string
            from: string
            to: string
          }[]
        }
      ).segments
    },
  }
}

/**
 * Moves the sandbox clock to just past a whole second and returns that second (epoch s), so
 * that the next request lands in it: the window bounds are whole seconds (R4), and real time
 * keeps running between a test's reading of the clock and the sandbox's check.
 */
export async function alignedSecond(sb: TestSandbox): Promise<number> {
  for (;;) {
    const read = await sb.control('GET', '/clock')
    const t = Date.parse((read.body as { now: string }).now)
    const ms = 1000 - (t % 1000) + 5
    const moved = await sb.control('POST', '/clock/advance', {
      seconds: ms / 1000,
    })
    const now = Date.parse((moved.body as { now: string }).now)
    if (now % 1000 < 300) return Math.floor(now / 1000)
  }
}
