import type { LiveJob } from '../../../../contract/bff/job-events'
import { checkFlexRestoreTarget } from '../../../../contract/rules/flex-restore'
import type { RuleResult } from '../../../../contract/rules/result'
import { checkRestoreTargetKind } from '../../../../contract/rules/serverless-restore'
import { checkRestoreTopology } from '../../../../contract/rules/topology'
import { formatInstant } from '../../../lib/format-time'
import { formatDuration } from '../../../lib/format-units'
import {
  type DeploymentFacts,
  kindLabel,
  topologyLabel,
} from '../deployment-facts'
import type { SnapshotRow } from '../snapshot-rows'
import { compareVersions } from './version-check'

// Step 4's pre-flight check (PEERS.md §9 idea 1; issue 7): what Atlas would refuse, or what
// the operator would regret, found before the restore starts. Each line passes, warns or fails;
// a failure blocks the wizard with its reason. The rules are the shared ones (R5–R7).

export type PreflightStatus = 'pass' | 'warn' | 'fail'
export type PreflightLine = {
  id: string
  title: string
  status: PreflightStatus
  detail: string
}

export type PreflightInput = {
  source: DeploymentFacts
  /** The snapshot restored; absent for a point in time (the source's topology then). */
  snapshot: SnapshotRow | undefined
  target: DeploymentFacts
  /** The target's newest completed snapshot; null when it has none, undefined when unknown. */
  targetLatestSnapshot: SnapshotRow | null | undefined
  /** Restores running into the target now, confirmed with Atlas. */
  activeRestores: readonly LiveJob[]
  /** The source's copy settings (its schedule's copySettings); undefined when unknown. */
  sourceCopies?: readonly SourceCopySetting[] | undefined
  now: Date
}

/** What the pre-flight reads of a copy setting, in either form of it. */
export type SourceCopySetting = {
  regionName?: string | undefined
  shouldCopyOplogs?: boolean | undefined
}

const DAY_MS = 86_400_000

const line = (
  id: string,
  title: string,
  result: RuleResult,
  passDetail: string,
): PreflightLine => ({
  id,
  title,
  status: result.ok ? 'pass' : 'fail',
  detail: result.ok ? passDetail : `${result.reason}.`,
})

function kindLine({ source, target }: PreflightInput): PreflightLine {
  let result = checkRestoreTargetKind(source.kind, target.kind)
  if (result.ok && source.kind === 'dedicated' && target.kind === 'flex') {
    result = {
      ok: false,
      reason: `A dedicated cluster's snapshot cannot be restored to the Flex cluster ${target.name}. Choose a dedicated cluster`,
    }
  }
  return line(
    'kind',
    'Kind of deployment',
    result,
    `A ${kindLabel[source.kind]}'s data can be restored to the ${kindLabel[target.kind]} ${target.name}.`,
  )
}

function topologyLine(input: PreflightInput): PreflightLine {
  const { source, snapshot, target } = input
  const title = 'Topology'
  const pass = `${target.name} is a ${topologyLabel(target)}, as the data needs.`
  if (source.kind === 'flex') {
    // R6: M2/M5/Flex snapshots restore only to replica sets.
    return line(
      'topology',
      title,
      checkFlexRestoreTarget(undefined, {
        kind: target.kind,
        clusterType: target.clusterType,
      }),
      pass,
    )
  }
  const sharded = snapshot
    ? snapshot.topology === 'shardedCluster'
    : source.clusterType !== 'REPLICASET'
  const result = checkRestoreTopology(
    {
      type: sharded ? 'shardedCluster' : 'replicaSet',
      shardCount: snapshot ? snapshot.shardCount : source.shardCount,
      configServerType: snapshot?.configServerType ?? source.configServerType,
      clusterName: source.name,
      createdAt: new Date(snapshot?.createdAt ?? input.now),
    },
    {
      name: target.name,
      clusterType: target.clusterType,
      shardCount: target.shardCount,
      configServerType: target.configServerType,
    },
  )
  return { ...line('topology', title, result, pass), id: 'topology' }
}

function encryptionLine({ source, target }: PreflightInput): PreflightLine {
  const title = 'Encryption at rest'
  const provider = target.encryptionAtRestProvider
  if (source.kind === 'flex') {
    const result = checkFlexRestoreTarget(undefined, {
      kind: target.kind,
      encryptionAtRestProvider: provider,
    })
    return line(
      'encryption',
      title,
      result,
      `${target.name} does not use encryption at rest.`,
    )
  }
  const from = source.encryptionAtRestProvider
  if (from !== 'NONE' && provider !== from) {
    return {
      id: 'encryption',
      title,
      status: 'fail',
      detail: `The data is encrypted at rest with ${from} keys but ${target.name} ${provider === 'NONE' ? 'does not use encryption at rest' : `uses ${provider}`}; the target must use the same encryption provider.`,
    }
  }
  return {
    id: 'encryption',
    title,
    status: 'pass',
    detail:
      provider === 'NONE'
        ? `Neither the source nor ${target.name} uses encryption at rest.`
        : `${target.name} encrypts at rest with ${provider} keys${from === provider ? ', as the source does' : '; the restored data will be encrypted too'}.`,
  }
}

function continuousLine({ target }: PreflightInput): PreflightLine {
  return target.pitEnabled
    ? {
        id: 'continuous',
        title: 'Continuous backup on the target',
        status: 'pass',
        detail: `${target.name} has continuous backup: Atlas keeps its oplog, so its state before the restore can still be restored to.`,
      }
    : {
        id: 'continuous',
        title: 'Continuous backup on the target',
        status: 'warn',
        detail: `${target.name} has no continuous backup: what it holds now can be brought back only from its snapshots.`,
      }
}

function sameLine({ source, target }: PreflightInput): PreflightLine {
  const same = source.groupId === target.groupId && source.name === target.name
  return {
    id: 'same',
    title: 'Target is not the source',
    status: same ? 'warn' : 'pass',
    detail: same
      ? `You are restoring ${source.name} onto itself: its current data is replaced by older data of its own.`
      : `The target ${target.name} is not the source ${source.name}.`,
  }
}

function snapshotAgeLine(input: PreflightInput): PreflightLine {
  const { target, targetLatestSnapshot: latest, now } = input
  const title = "Target's latest snapshot"
  if (latest === undefined) {
    return {
      id: 'latest-snapshot',
      title,
      status: 'warn',
      detail: `The snapshots of ${target.name} could not be read: make sure it has a recent backup, or its current data will be lost.`,
    }
  }
  if (!latest) {
    return {
      id: 'latest-snapshot',
      title,
      status: 'warn',
      detail: `${target.name} has no completed snapshot: its current data will be lost without a recent backup.`,
    }
  }
  const age = now.getTime() - Date.parse(latest.createdAt)
  const when = `${formatInstant(latest.createdAt, 'utc')} (${formatDuration(age / 1000)} ago)`
  return age > DAY_MS
    ? {
        id: 'latest-snapshot',
        title,
        status: 'warn',
        detail: `${target.name} was last snapshotted ${when}, more than a day ago: its current data will be lost without a recent backup.`,
      }
    : {
        id: 'latest-snapshot',
        title,
        status: 'pass',
        detail: `${target.name} was last snapshotted ${when}.`,
      }
}

function activeRestoreLine({
  target,
  activeRestores,
}: PreflightInput): PreflightLine {
  const [active] = activeRestores
  return active
    ? {
        id: 'active-restore',
        title: 'No restore running into the target',
        status: 'fail',
        detail: `${target.name} is being restored from ${active.clusterName} (job ${active.jobId}); a cluster takes one restore at a time. Wait until it finishes or cancel it.`,
      }
    : {
        id: 'active-restore',
        title: 'No restore running into the target',
        status: 'pass',
        detail: `No restore into ${target.name} is running.`,
      }
}

const listed = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`

function regionsOf(
  settings: readonly SourceCopySetting[],
  oplogs?: boolean,
): string[] {
  const names = settings
    .filter(
      (s) => oplogs === undefined || (s.shouldCopyOplogs === true) === oplogs,
    )
    .flatMap((s) => (s.regionName ? [s.regionName] : []))
  return [...new Set(names)]
}

/** Point in time: the snapshots copied to a region and the oplogs copied with them. */
function pitCopyDetail(copies: readonly SourceCopySetting[] | undefined) {
  const home =
    'a point-in-time restore needs the region the cluster backs up in'
  if (copies === undefined) {
    return `The backup policy could not be read: a point-in-time restore can come from a copy region only if the policy copies oplogs there; otherwise ${home}.`
  }
  const withOplogs = regionsOf(copies, true)
  const without = regionsOf(copies, false)
  if (withOplogs.length > 0) {
    const also =
      without.length > 0
        ? ` (${listed(without)} ${without.length === 1 ? 'takes' : 'take'} snapshots only)`
        : ''
    return `The backup policy copies oplogs to ${listed(withOplogs)}${also}: if the region the cluster backs up in is down, a point-in-time restore could come from ${withOplogs.length === 1 ? 'that region' : 'one of them'}.`
  }
  if (without.length > 0) {
    return `The backup policy copies snapshots to ${listed(without)} but no oplogs: ${home}.`
  }
  return `The backup policy copies nothing to other regions: ${home}.`
}

/** A snapshot: the regions it was copied to (copyRegions), beside those the policy names. */
function snapshotCopyDetail(
  snapshot: SnapshotRow,
  copies: readonly SourceCopySetting[] | undefined,
) {
  const regions = snapshot.copyRegions ?? []
  if (regions.length > 0) {
    return `This snapshot also has ${regions.length === 1 ? 'a copy' : 'copies'} in ${regions.join(', ')}: if the region it was taken in is down, Atlas can restore it from ${regions.length === 1 ? 'that copy' : 'a copy'}.`
  }
  const configured = copies === undefined ? [] : regionsOf(copies)
  const why =
    configured.length > 0
      ? ` The policy copies to ${listed(configured)}, but not this snapshot: its kind is not copied there, or it was taken before the copy region was added, or its copy has expired.`
      : ''
  return `This snapshot has no copy in another region: it restores only from the region it was taken in.${why}`
}

/**
 * Issue 9: "In the event of a cloud provider service outage in a region configured for
 * automatic snapshot distribution, Atlas will attempt restore using snapshots stored in copy
 * regions" (reference 003). Said for a dedicated cluster's data, never blocking: a snapshot
 * names the regions it was copied to; a point in time says whether oplogs are copied
 * (shouldCopyOplogs), which a point-in-time restore from a copy region needs.
 */
function copyRegionLine({
  source,
  snapshot,
  sourceCopies,
}: PreflightInput): PreflightLine[] {
  if (source.kind !== 'dedicated') return []
  if (snapshot?.topology === 'shardedCluster') return []
  return [
    {
      id: 'copy-regions',
      title: 'Copies in other regions',
      status: 'pass',
      detail: snapshot
        ? snapshotCopyDetail(snapshot, sourceCopies)
        : pitCopyDetail(sourceCopies),
    },
  ]
}

export function preflightChecks(input: PreflightInput): PreflightLine[] {
  const dataVersion =
    input.snapshot?.mongodVersion ?? input.source.mongoDBVersion
  return [
    kindLine(input),
    compareVersions(input.source.kind, dataVersion, input.target),
    topologyLine(input),
    encryptionLine(input),
    continuousLine(input),
    sameLine(input),
    snapshotAgeLine(input),
    activeRestoreLine(input),
    ...copyRegionLine(input),
  ]
}

export function firstFailure(
  lines: readonly PreflightLine[],
): PreflightLine | undefined {
  return lines.find((l) => l.status === 'fail')
}
