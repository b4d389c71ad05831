import { useMutation, useQueryClient } from '@tanstack/react-query'

import {
  type BackupScheduleUpdate,
  backupScheduleSchema,
} from '../../../contract/atlas/schedule'
import {
  SCHEDULE_ETAG_HEADER,
  SCHEDULE_IF_MATCH_HEADER,
} from '../../../contract/bff/write-requests'
import { api } from '../../lib/api-client'
import { policyApi } from './api-paths'
import { type SavedSchedule, policyKeys } from './queries'

export type SaveInput = { body: BackupScheduleUpdate; etag: string }

/**
 * PATCH the whole schedule with the ETag of the version edited (If-Match): a change made
 * elsewhere meanwhile answers 412 instead of being overwritten. The BFF audits the change.
 */
export function useSaveSchedule(groupId: string, name: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, etag }: SaveInput): Promise<SavedSchedule> => {
      const reply = await api.sendWithHeaders(
        'PATCH',
        policyApi.schedule(groupId, name),
        backupScheduleSchema,
        { body, headers: { [SCHEDULE_IF_MATCH_HEADER]: etag } },
      )
      return {
        schedule: reply.body,
        etag: reply.headers.get(SCHEDULE_ETAG_HEADER) ?? '',
      }
    },
    onSuccess: async (saved) => {
      const key = policyKeys.schedule(groupId, name)
      // A refetch begun before the save would bring back the old version as if it were new.
      await queryClient.cancelQueries({ queryKey: key })
      queryClient.setQueryData(key, saved)
      // Other pages show the schedule too (next snapshot, restore window), and existing
      // snapshots may have new expiries (updateSnapshots).
      void queryClient.invalidateQueries({
        predicate: ({ queryKey }) =>
          queryKey[0] !== 'session' &&
          !(queryKey[0] === key[0] && queryKey[1] === key[1]),
      })
    },
  })
}
