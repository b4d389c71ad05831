// The BFF's Atlas paths this feature calls: the same as Atlas's, under /api/atlas/v2.
const enc = encodeURIComponent
const V2 = '/api/atlas/v2'

export const atlasPaths = {
  cluster: (groupId: string, name: string) =>
    `${V2}/groups/${enc(groupId)}/clusters/${enc(name)}`,
  flexCluster: (groupId: string, name: string) =>
    `${V2}/groups/${enc(groupId)}/flexClusters/${enc(name)}`,
  serverless: (groupId: string, name: string) =>
    `${V2}/groups/${enc(groupId)}/serverless/${enc(name)}`,
  schedule: (groupId: string, name: string) =>
    `${atlasPaths.cluster(groupId, name)}/backup/schedule`,
  snapshots: (groupId: string, name: string) =>
    `${atlasPaths.cluster(groupId, name)}/backup/snapshots`,
  shardedSnapshots: (groupId: string, name: string) =>
    `${atlasPaths.cluster(groupId, name)}/backup/snapshots/shardedClusters`,
  snapshot: (groupId: string, name: string, id: string) =>
    `${atlasPaths.snapshots(groupId, name)}/${enc(id)}`,
  shardedSnapshot: (groupId: string, name: string, id: string) =>
    `${atlasPaths.snapshots(groupId, name)}/shardedCluster/${enc(id)}`,
  restoreJobs: (groupId: string, name: string) =>
    `${atlasPaths.cluster(groupId, name)}/backup/restoreJobs`,
  flexSnapshots: (groupId: string, name: string) =>
    `${atlasPaths.flexCluster(groupId, name)}/backup/snapshots`,
  flexDownload: (groupId: string, name: string) =>
    `${atlasPaths.flexCluster(groupId, name)}/backup/download`,
  serverlessSnapshots: (groupId: string, name: string) =>
    `${atlasPaths.serverless(groupId, name)}/backup/snapshots`,
} as const
