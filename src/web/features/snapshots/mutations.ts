import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'

import type { SnapshotRetentionUnit } from '../../../contract/atlas/common'
import { flexRestoreJobSchema } from '../../../contract/atlas/flex-backup'
import { restoreJobSchema } from '../../../contract/atlas/restore-job'
import { snapshotSchema } from '../../../contract/atlas/snapshot'
import {
  IDEMPOTENCY_KEY_HEADER,
  snapshotDeleteQuery,
} from '../../../contract/bff/write-requests'
import { api } from '../../lib/api-client'
import { atlasPaths } from './api-paths'
import type { Deployment } from './model'
import { snapshotKeys } from './queries'

type Target = Pick<Deployment, 'groupId' | 'kind' | 'name' | 'sharded'>

function useInvalidateSnapshots(target: Target) {
  const queryClient = useQueryClient()
  return () =>
    queryClient.invalidateQueries({
      queryKey: snapshotKeys.list(target.groupId, target.kind, target.name),
    })
}

export type TakeSnapshotInput = {
  description: string
  retentionInDays: number
  /** One key per intended snapshot: a retried submission never takes two (S1). */
  idempotencyKey: string
}

/** S1: an on-demand snapshot of a dedicated cluster. */
export function useTakeSnapshot(target: Target) {
  const invalidate = useInvalidateSnapshots(target)
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: TakeSnapshotInput) =>
      api.send(
        'POST',
        atlasPaths.snapshots(target.groupId, target.name),
        snapshotSchema,
        {
          body,
          headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        },
      ),
    onSuccess: invalidate,
  })
}

export type ChangeExpiryInput = {
  snapshotId: string
  retentionUnit: SnapshotRetentionUnit
  retentionValue: number
}

export function useChangeExpiry(target: Target) {
  const invalidate = useInvalidateSnapshots(target)
  return useMutation({
    mutationFn: ({ snapshotId, ...body }: ChangeExpiryInput) =>
      api.send(
        'PATCH',
        atlasPaths.snapshot(target.groupId, target.name, snapshotId),
        snapshotSchema,
        { body },
      ),
    onSuccess: invalidate,
  })
}

/** S3: the BFF takes the confirmation as ?confirm=<snapshotId>. */
export function useDeleteSnapshot(target: Target) {
  const invalidate = useInvalidateSnapshots(target)
  return useMutation({
    mutationFn: (snapshotId: string) => {
      const path = target.sharded
        ? atlasPaths.shardedSnapshot(target.groupId, target.name, snapshotId)
        : atlasPaths.snapshot(target.groupId, target.name, snapshotId)
      return api.send(
        'DELETE',
        `${path}${snapshotDeleteQuery(snapshotId)}`,
        z.undefined(),
      )
    },
    onSuccess: invalidate,
  })
}

export type DownloadInput = { snapshotId: string; idempotencyKey: string }

/**
 * R3/R6: a download link for a snapshot. Dedicated: a `download` restore job; Flex: its own
 * download endpoint. Either way a job the restore pages follow; its id is returned.
 */
export function useDownloadSnapshot(target: Target) {
  return useMutation({
    mutationFn: async ({ snapshotId, idempotencyKey }: DownloadInput) => {
      const headers = { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }
      if (target.kind === 'flex') {
        const job = await api.send(
          'POST',
          atlasPaths.flexDownload(target.groupId, target.name),
          flexRestoreJobSchema,
          { body: { snapshotId }, headers },
        )
        return { jobId: job.id }
      }
      const job = await api.send(
        'POST',
        atlasPaths.restoreJobs(target.groupId, target.name),
        restoreJobSchema,
        { body: { deliveryType: 'download', snapshotId }, headers },
      )
      return { jobId: job.id }
    },
  })
}
