import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'

import { snapshotSchema } from '../../../contract/atlas/snapshot'
import type { JobRef } from '../../../contract/bff/job-events'
import { IDEMPOTENCY_KEY_HEADER } from '../../../contract/bff/write-requests'
import { api } from '../../lib/api-client'
import { restoreApi } from './api-paths'
import { restoreKeys } from './queries'

// Creations that must never happen twice carry an Idempotency-Key (DESIGN §1): the caller
// keeps the key across retries and reloads, so a repeat gets the first answer back.

/** Every kind's restore job answer has an id; the rest is read on the job page. */
const createdJobSchema = z.looseObject({ id: z.string().optional() })

export type CreateRestoreInput = {
  path: string
  body: Record<string, string | number>
  idempotencyKey: string
}

export function useCreateRestore() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ path, body, idempotencyKey }: CreateRestoreInput) =>
      api.send('POST', path, createdJobSchema, {
        body,
        headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
      }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: restoreKeys.all }),
  })
}

export type TakeSnapshotInput = {
  groupId: string
  cluster: string
  description: string
  retentionInDays: number
  idempotencyKey: string
}

/** S1: an on-demand snapshot of a dedicated cluster (the target, before it is overwritten). */
export function useTakeOnDemandSnapshot() {
  return useMutation({
    mutationFn: (input: TakeSnapshotInput) =>
      api.send(
        'POST',
        restoreApi.takeSnapshot(input.groupId, input.cluster),
        snapshotSchema,
        {
          body: {
            description: input.description,
            retentionInDays: input.retentionInDays,
          },
          headers: { [IDEMPOTENCY_KEY_HEADER]: input.idempotencyKey },
        },
      ),
  })
}

/**
 * Cancels a dedicated restore job (Flex and serverless have no cancel). Atlas may refuse with
 * 405; the BFF's message explains it (explainCancelNotAllowed). The job's new state arrives by
 * the event stream once the BFF's poller sees it.
 */
export function useCancelRestore(ref: JobRef) {
  return useMutation({
    mutationFn: () =>
      api.send(
        'DELETE',
        restoreApi.restoreJob(
          ref.kind,
          ref.groupId,
          ref.clusterName,
          ref.jobId,
        ),
        z.undefined(),
      ),
  })
}
