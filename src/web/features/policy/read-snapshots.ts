import { PAGE_SIZE_MAX } from '../../../contract/atlas/common'
import {
  paginatedReplicaSetSnapshotsSchema,
  paginatedShardedSnapshotsSchema,
} from '../../../contract/atlas/snapshot'
import type { ExistingSnapshotInput } from '../../../contract/rules/policy-retention-changes'
import { api } from '../../lib/api-client'
import { policyApi } from './api-paths'

// The cluster's snapshots as the retention-change rule takes them (P7, updateSnapshots).

type Raw = {
  id?: string | undefined
  createdAt?: string | undefined
  expiresAt?: string | undefined
  snapshotType?: ExistingSnapshotInput['snapshotType'] | undefined
  frequencyType?: ExistingSnapshotInput['frequencyType']
  policyItems?: string[] | undefined
}

function toInput(s: Raw): ExistingSnapshotInput[] {
  if (!s.id || !s.createdAt || !s.expiresAt) return []
  return [
    {
      id: s.id,
      createdAt: new Date(s.createdAt),
      expiresAt: new Date(s.expiresAt),
      snapshotType: s.snapshotType ?? 'scheduled',
      frequencyType: s.frequencyType,
      policyItemIds: s.policyItems,
    },
  ]
}

export async function readExistingSnapshots(
  groupId: string,
  name: string,
  sharded: boolean,
  signal: AbortSignal,
): Promise<ExistingSnapshotInput[]> {
  if (sharded) {
    // The sharded list takes no paging parameters.
    const body = await api.get(
      policyApi.shardedSnapshots(groupId, name),
      paginatedShardedSnapshotsSchema,
      signal,
    )
    return body.results.flatMap(toInput)
  }
  const all: ExistingSnapshotInput[] = []
  for (let page = 1; page <= 200; page += 1) {
    const body = await api.get(
      `${policyApi.snapshots(groupId, name)}?itemsPerPage=${PAGE_SIZE_MAX}&pageNum=${page}&includeCount=true`,
      paginatedReplicaSetSnapshotsSchema,
      signal,
    )
    all.push(...body.results.flatMap(toInput))
    if (
      body.results.length < PAGE_SIZE_MAX ||
      all.length >= (body.totalCount ?? 0)
    )
      break
  }
  return all
}
