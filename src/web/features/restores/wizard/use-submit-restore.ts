import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'

import { ApiError } from '../../../lib/api-error'
import { useCreateRestore, useTakeOnDemandSnapshot } from '../mutations'
import { snapshotQuery } from '../queries'
import { idempotencyKeyFor, recordResult } from './idempotency'
import { type RestorePlan, requestBody } from './restore-plan'

// Submitting the review: optionally an on-demand snapshot of the target first (S1), waited for
// until it completes, then the restore. Each creation carries its own Idempotency-Key, kept
// across retries, so neither the snapshot nor the restore can be made twice.

export type SubmitProgress =
  | { phase: 'idle' }
  | { phase: 'snapshot'; status: string; since: number }
  | { phase: 'restore' }

export type SubmitInput = { typedName: string; snapshotFirst: boolean }

export type SnapshotTarget = {
  groupId: string
  name: string
  sharded: boolean
}

const POLL_MS = 2_000
export const SAFETY_SNAPSHOT_RETENTION_DAYS = 7

const sleep = (ms: number) => new Promise((r) => window.setTimeout(r, ms))

export function useSubmitRestore(
  plan: RestorePlan | null,
  identity: string,
  snapshotTarget: SnapshotTarget | undefined,
  onCreated: (jobId: string) => void,
) {
  const queryClient = useQueryClient()
  const createRestore = useCreateRestore()
  const takeSnapshot = useTakeOnDemandSnapshot()
  const [progress, setProgress] = useState<SubmitProgress>({ phase: 'idle' })
  const [error, setError] = useState<ApiError | Error | null>(null)
  // A second click before React re-renders the disabled button must not start a second run.
  const running = useRef(false)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  async function waitForSnapshot(target: SnapshotTarget, id: string) {
    const since = Date.now()
    for (;;) {
      const row = await queryClient.query({
        ...snapshotQuery(target.groupId, target.name, id, target.sharded),
        staleTime: 0,
      })
      const status = row?.status ?? 'queued'
      if (status === 'completed') return
      if (status === 'failed') {
        throw new Error(
          `The on-demand snapshot of ${target.name} failed, so the restore was not started. Try again, or restore without it.`,
        )
      }
      if (!mounted.current) throw new Error('The wizard was closed.')
      setProgress({ phase: 'snapshot', status, since })
      await sleep(POLL_MS)
    }
  }

  async function submit(input: SubmitInput): Promise<ApiError | undefined> {
    if (running.current || !plan) return undefined
    running.current = true
    setError(null)
    try {
      if (input.snapshotFirst && snapshotTarget) {
        setProgress({
          phase: 'snapshot',
          status: 'requested',
          since: Date.now(),
        })
        const snapshot = await takeSnapshot.mutateAsync({
          groupId: snapshotTarget.groupId,
          cluster: snapshotTarget.name,
          description: `Before a restore into ${snapshotTarget.name} (Backup Console)`,
          retentionInDays: SAFETY_SNAPSHOT_RETENTION_DAYS,
          idempotencyKey: idempotencyKeyFor(`snapshot-first ${identity}`),
        })
        if (snapshot.id) await waitForSnapshot(snapshotTarget, snapshot.id)
      }
      setProgress({ phase: 'restore' })
      const job = await createRestore.mutateAsync({
        path: plan.path,
        body: requestBody(plan, input.typedName),
        idempotencyKey: idempotencyKeyFor(identity),
      })
      if (job.id) {
        recordResult(identity, job.id)
        onCreated(job.id)
      }
      return undefined
    } catch (caught) {
      const failure =
        caught instanceof Error ? caught : new Error(String(caught))
      if (mounted.current) {
        setError(failure)
        setProgress({ phase: 'idle' })
      }
      return failure instanceof ApiError ? failure : undefined
    } finally {
      running.current = false
    }
  }

  return { submit, progress, error, busy: progress.phase !== 'idle' }
}
