// The BFF paths this feature calls: Atlas's own paths under /api/atlas/v2, and the overview.
const enc = encodeURIComponent
const V2 = '/api/atlas/v2'

export const policyApi = {
  project: (groupId: string) => `${V2}/groups/${enc(groupId)}`,
  cluster: (groupId: string, name: string) =>
    `${V2}/groups/${enc(groupId)}/clusters/${enc(name)}`,
  schedule: (groupId: string, name: string) =>
    `${policyApi.cluster(groupId, name)}/backup/schedule`,
  snapshots: (groupId: string, name: string) =>
    `${policyApi.cluster(groupId, name)}/backup/snapshots`,
  shardedSnapshots: (groupId: string, name: string) =>
    `${policyApi.cluster(groupId, name)}/backup/snapshots/shardedClusters`,
  overview: () => '/api/overview',
} as const
