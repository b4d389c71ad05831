import type { SandboxContext } from '../context'
import { AtlasError, clusterNotFound, notFound } from '../protocol/api-error'
import {
  type StoredCluster,
  getCluster,
  getGroup,
} from '../state/clusters-repo'

type Kind = StoredCluster['kind']
type ClusterOf<K extends Kind> = Extract<StoredCluster, { kind: K }>

export function requireGroup(ctx: SandboxContext, groupId: string): void {
  if (!getGroup(ctx.db, groupId)) throw notFound('group', groupId)
}

// The Atlas CLI tells flex from dedicated clusters by these two codes (ATLAS-CONTRACT §8).
const wrongApiCode: Record<Kind, string> = {
  dedicated: 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
  flex: 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
  serverless: 'CANNOT_USE_SERVERLESS_INSTANCE_IN_CLUSTER_API',
}

/** The cluster of the expected kind, or the error Atlas sends when it is missing or another kind. */
export function requireCluster<K extends Kind>(
  ctx: SandboxContext,
  groupId: string,
  name: string,
  kind: K,
): ClusterOf<K> {
  requireGroup(ctx, groupId)
  const cluster = getCluster(ctx.db, groupId, name)
  if (!cluster) throw clusterNotFound(name, groupId)
  if (cluster.kind !== kind) {
    throw new AtlasError(
      400,
      wrongApiCode[cluster.kind],
      `${name} is a ${cluster.kind} deployment; use the ${cluster.kind} API for it.`,
      [name],
    )
  }
  return cluster as ClusterOf<K>
}
