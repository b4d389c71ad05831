import type { Cluster } from '../../contract/atlas/cluster'
import type { DeploymentKind } from '../../contract/rules/delivery-type'
import { ruleErrorCodes } from '../../contract/rules/error-codes'
import { majorVersion } from '../../contract/rules/flex-restore'
import { type RuleResult, ok, refuse } from '../../contract/rules/result'
import { checkRestoreTargetKind } from '../../contract/rules/serverless-restore'
import {
  type TopologySnapshotInput,
  checkRestoreTopology,
  clusterShardCount,
  snapshotShardCount,
} from '../../contract/rules/topology'
import type { SandboxContext } from '../context'
import { AtlasError } from '../protocol/api-error'
import { refusalToError } from '../routes/route-kit'
import { dedicatedFacts, getCluster, getGroup } from '../state/clusters-repo'
import type { StoredCluster } from '../state/clusters-repo'
import type { StoredSnapshot } from '../state/snapshots-repo'

// The target of an automated or pointInTime restore (dedicated or serverless source; flex
// targets are found here too): it must exist (404), be a kind of deployment that takes the
// source's snapshots (R5), have the snapshot's topology (R7) and not run an older MongoDB
// release than the data it receives.

type Dedicated = Extract<StoredCluster, { kind: 'dedicated' }>

/** The body fields that name the target: dedicated and serverless jobs, or flex ones. */
export type TargetFields = { group: string; name: string }
const clusterTargetFields: TargetFields = {
  group: 'targetGroupId',
  name: 'targetClusterName',
}

/** The target of a restore of any kind, or the 404 Atlas sends, naming the body's field. */
export function requireTarget(
  ctx: SandboxContext,
  { groupId, name }: { groupId: string; name: string },
  fields: TargetFields = clusterTargetFields,
): StoredCluster {
  if (!getGroup(ctx.db, groupId)) {
    throw new AtlasError(
      404,
      'RESOURCE_NOT_FOUND',
      `Cannot find resource group ${groupId}.`,
      ['group', groupId],
      [{ field: fields.group, description: 'no such project' }],
    )
  }
  const target = getCluster(ctx.db, groupId, name)
  if (!target) {
    throw new AtlasError(
      404,
      'CLUSTER_NOT_FOUND',
      `No cluster named ${name} exists in group ${groupId}.`,
      [name, groupId],
      [{ field: fields.name, description: 'no such cluster' }],
    )
  }
  return target
}

/** The data's topology: the snapshot's, or the source cluster's for a bare point in time. */
export function sourceTopology(
  source: Dedicated,
  snapshot: StoredSnapshot | undefined,
  originAt: number,
): TopologySnapshotInput {
  if (snapshot) {
    const doc = snapshot.doc
    const sharded = doc.type === 'shardedCluster'
    return {
      type: sharded ? 'shardedCluster' : 'replicaSet',
      ...('members' in doc && doc.members
        ? { shardCount: snapshotShardCount({ ...doc, members: doc.members }) }
        : {}),
      ...('configServerType' in doc
        ? { configServerType: doc.configServerType }
        : {}),
      clusterName: snapshot.clusterName,
      createdAt: new Date(snapshot.createdAt),
    }
  }
  const facts = dedicatedFacts(source.doc)
  return {
    type: facts.sharded ? 'shardedCluster' : 'replicaSet',
    shardCount: facts.shardCount,
    configServerType: source.doc.configServerType,
    clusterName: source.name,
    createdAt: new Date(originAt),
  }
}

function targetShape(target: StoredCluster) {
  const doc = target.doc as Cluster
  const clusterType = doc.clusterType ?? 'REPLICASET'
  return {
    name: target.name,
    clusterType,
    shardCount: clusterShardCount({ ...doc, clusterType }),
    configServerType: doc.configServerType,
  }
}

// Local adapter (no shared rule covers dedicated targets): a target on an older release than
// the data cannot start on it; the target's featureCompatibilityVersion must be at least the
// source's (Cloud Manager restore prerequisites).
function checkTargetVersion(dataVersion: string, target: StoredCluster) {
  const from = majorVersion(dataVersion)
  const to = majorVersion((target.doc as Cluster).mongoDBVersion ?? '')
  if (!from || !to) return ok
  const [fromMajor = 0, fromMinor = 0] = from.split('.').map(Number)
  const [toMajor = 0, toMinor = 0] = to.split('.').map(Number)
  if (toMajor > fromMajor || (toMajor === fromMajor && toMinor >= fromMinor)) {
    return ok
  }
  return refuse(
    `The data runs MongoDB ${from} but ${target.name} runs ${to}; restore it to a cluster ` +
      `on MongoDB ${from} or later`,
    'targetClusterName',
    ruleErrorCodes.incompatibleTarget,
  )
}

/**
 * Whether the target takes the data: its kind (R5), topology (R7) and release. A serverless
 * snapshot is a replica set's data, so it goes to a replica set on the same release or later.
 */
export function checkTarget(
  target: StoredCluster,
  topology: TopologySnapshotInput,
  dataVersion: string,
  sourceKind: DeploymentKind = 'dedicated',
): void {
  const checks: (() => RuleResult)[] = [
    () => checkRestoreTargetKind(sourceKind, target.kind),
    () => checkRestoreTopology(topology, targetShape(target)),
    () => checkTargetVersion(dataVersion, target),
  ]
  for (const check of checks) {
    const verdict = check()
    if (!verdict.ok) throw refusalToError(verdict)
  }
}
