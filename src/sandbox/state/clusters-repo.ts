import type { Cluster } from '../../contract/atlas/cluster'
import type { FlexCluster } from '../../contract/atlas/flex-cluster'
import type { Group } from '../../contract/atlas/group'
import type { ServerlessInstance } from '../../contract/atlas/serverless'
import type { SandboxDb } from './db'

export type ClusterKind = 'dedicated' | 'flex' | 'serverless'

export type StoredCluster =
  | { kind: 'dedicated'; groupId: string; name: string; doc: Cluster }
  | { kind: 'flex'; groupId: string; name: string; doc: FlexCluster }
  | {
      kind: 'serverless'
      groupId: string
      name: string
      doc: ServerlessInstance
    }

type ClusterRow = {
  group_id: string
  name: string
  kind: ClusterKind
  doc: string
}

function toCluster(row: ClusterRow): StoredCluster {
  return {
    kind: row.kind,
    groupId: row.group_id,
    name: row.name,
    doc: JSON.parse(row.doc) as Cluster,
  } as StoredCluster
}

export function listGroups(db: SandboxDb): Group[] {
  const rows = db.prepare('SELECT doc FROM groups ORDER BY name').all() as {
    doc: string
  }[]
  return rows.map((r) => JSON.parse(r.doc) as Group)
}

export function getGroup(db: SandboxDb, groupId: string): Group | undefined {
  const row = db.prepare('SELECT doc FROM groups WHERE id = ?').get(groupId) as
    { doc: string } | undefined
  return row ? (JSON.parse(row.doc) as Group) : undefined
}

export function putGroup(db: SandboxDb, group: Group & { id: string }): void {
  db.prepare(
    'INSERT INTO groups (id, name, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, doc = excluded.doc',
  ).run(group.id, group.name, JSON.stringify(group))
}

export function listClusters(
  db: SandboxDb,
  groupId: string,
  kind?: ClusterKind,
): StoredCluster[] {
  const rows = (
    kind
      ? db
          .prepare(
            'SELECT * FROM clusters WHERE group_id = ? AND kind = ? ORDER BY name',
          )
          .all(groupId, kind)
      : db
          .prepare('SELECT * FROM clusters WHERE group_id = ? ORDER BY name')
          .all(groupId)
  ) as ClusterRow[]
  return rows.map(toCluster)
}

export function listAllClusters(db: SandboxDb): StoredCluster[] {
  const rows = db
    .prepare('SELECT * FROM clusters ORDER BY group_id, name')
    .all() as ClusterRow[]
  return rows.map(toCluster)
}

export function getCluster(
  db: SandboxDb,
  groupId: string,
  name: string,
): StoredCluster | undefined {
  const row = db
    .prepare('SELECT * FROM clusters WHERE group_id = ? AND name = ?')
    .get(groupId, name) as ClusterRow | undefined
  return row ? toCluster(row) : undefined
}

export function putCluster(db: SandboxDb, cluster: StoredCluster): void {
  db.prepare(
    'INSERT INTO clusters (group_id, name, kind, doc) VALUES (?, ?, ?, ?) ON CONFLICT(group_id, name) DO UPDATE SET kind = excluded.kind, doc = excluded.doc',
  ).run(
    cluster.groupId,
    cluster.name,
    cluster.kind,
    JSON.stringify(cluster.doc),
  )
}

/** Facts the rules need about a dedicated cluster, derived from its description. */
export function dedicatedFacts(doc: Cluster) {
  const specs = doc.replicationSpecs ?? []
  const instanceSize =
    specs[0]?.regionConfigs?.[0]?.electableSpecs?.instanceSize ?? ''
  return {
    sharded: doc.clusterType !== 'REPLICASET',
    shardCount: doc.clusterType === 'REPLICASET' ? 1 : specs.length,
    nvme: instanceSize.endsWith('_NVME'),
    encryptionAtRest: (doc.encryptionAtRestProvider ?? 'NONE') !== 'NONE',
    majorVersion:
      doc.mongoDBMajorVersion ?? doc.mongoDBVersion?.split('.')[0] ?? '',
    instanceSize,
  }
}
