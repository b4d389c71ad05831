import { queryOptions } from '@tanstack/react-query'

import {
  PAGE_SIZE_MAX,
  type SnapshotFrequencyType,
  type SnapshotType,
} from '../../../contract/atlas/common'
import { paginatedReplicaSetSnapshotsSchema } from '../../../contract/atlas/snapshot'
import { api } from '../../lib/api-client'
import { policyApi } from './api-paths'
import { policyKeys } from './queries'

// Which snapshots have a copy in a region (copyRegions, DiskBackupReplicaSet), for the
// consequence shown before a copy region is removed (issue 9). Sharded snapshots carry no
// copyRegions in the API, so for them the count is unknown. The kind (frequencyType, and
// snapshotType for on-demand ones) says which copy policy item made each copy.

export type CopiedSnapshot = {
  id: string
  createdAt: string
  expiresAt: string
  copyRegions: string[]
  frequencyType?: SnapshotFrequencyType | undefined
  snapshotType?: SnapshotType | undefined
}

async function readCopied(
  groupId: string,
  name: string,
  signal: AbortSignal,
): Promise<CopiedSnapshot[]> {
  const all: CopiedSnapshot[] = []
  for (let page = 1; page <= 200; page += 1) {
    const body = await api.get(
      `${policyApi.snapshots(groupId, name)}?itemsPerPage=${PAGE_SIZE_MAX}&pageNum=${page}&includeCount=true`,
      paginatedReplicaSetSnapshotsSchema,
      signal,
    )
    for (const s of body.results) {
      if (!s.id || !s.createdAt || !s.expiresAt) continue
      const copyRegions = s.copyRegions ?? []
      if (copyRegions.length === 0) continue
      all.push({
        id: s.id,
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        copyRegions,
        frequencyType: s.frequencyType,
        snapshotType: s.snapshotType,
      })
    }
    const seen = (page - 1) * PAGE_SIZE_MAX + body.results.length
    if (body.results.length < PAGE_SIZE_MAX || seen >= (body.totalCount ?? 0))
      break
  }
  return all
}

export function copiedSnapshotsQuery(groupId: string, name: string) {
  return queryOptions({
    queryKey: [...policyKeys.all, 'copied', groupId, name] as const,
    queryFn: ({ signal }) => readCopied(groupId, name, signal),
  })
}
