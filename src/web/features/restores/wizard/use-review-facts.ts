import { useQuery } from '@tanstack/react-query'

import {
  checkOnDemandSnapshotAllowed,
  checkOnDemandSnapshotSupported,
} from '../../../../contract/rules/on-demand-snapshot'
import {
  type RuleResult,
  firstRefusal,
} from '../../../../contract/rules/result'
import { canPerform } from '../../../../contract/rules/roles'
import { sessionQuery } from '../../../lib/session'
import { deploymentQuery, overviewQuery, snapshotsQuery } from '../queries'
import { type SnapshotRow, latestCompleted } from '../snapshot-rows'
import type { RestorePlan } from './restore-plan'
import { isShardedRow } from './source-snapshots'
import type { SnapshotTarget } from './use-submit-restore'
import type { WizardAnswers } from './wizard-answers'

export type ReviewFacts = {
  snapshot: SnapshotRow | undefined
  /** null: the target has no completed snapshot; undefined: not known (yet). */
  targetLatest: SnapshotRow | null | undefined
  /** S1: whether the safety snapshot of the target can be taken now. */
  snapshotOption: RuleResult
  snapshotTarget: SnapshotTarget | undefined
}

const checking = (what: string): RuleResult => ({
  ok: false,
  reason: `Checking ${what}`,
})

/** What the review shows besides the answers: the snapshot's time, the target's snapshots. */
export function useReviewFacts(
  answers: WizardAnswers,
  plan: RestorePlan | undefined,
): ReviewFacts {
  const { groupId = '', cluster = '', kind = 'dedicated' } = answers
  const session = useQuery(sessionQuery())
  const overview = useQuery(overviewQuery())
  const source = useQuery(deploymentQuery(kind, groupId, cluster))
  const sourceSnapshots = useQuery({
    ...snapshotsQuery(
      kind,
      groupId,
      cluster,
      source.data?.shardCount !== undefined,
    ),
    enabled: source.isSuccess && answers.snapshotId !== undefined,
  })
  const targetRow = plan?.destructive
    ? overview.data?.rows.find(
        (r) => r.groupId === plan.targetGroupId && r.name === plan.targetName,
      )
    : undefined
  const sharded = targetRow ? isShardedRow(targetRow) : false
  const targetSnapshots = useQuery({
    ...snapshotsQuery(
      targetRow?.kind ?? 'dedicated',
      targetRow?.groupId ?? '',
      targetRow?.name ?? '',
      sharded,
    ),
    enabled: targetRow !== undefined,
  })
  const role = session.data?.role
  const name = targetRow?.name ?? ''
  const snapshotOption: RuleResult = !targetRow
    ? checking('the target')
    : firstRefusal([
        role ? canPerform(role, 'takeSnapshot') : checking('your role'),
        checkOnDemandSnapshotSupported(targetRow.kind),
        targetSnapshots.data
          ? checkOnDemandSnapshotAllowed(
              targetSnapshots.data.flatMap((s) =>
                s.snapshotType
                  ? [{ snapshotType: s.snapshotType, status: s.status }]
                  : [],
              ),
            )
          : checking(`the snapshots of ${name}`),
      ])
  return {
    snapshot: sourceSnapshots.data?.find((s) => s.id === answers.snapshotId),
    targetLatest: targetSnapshots.data
      ? (latestCompleted(targetSnapshots.data) ?? null)
      : undefined,
    snapshotOption,
    snapshotTarget:
      targetRow && snapshotOption.ok
        ? { groupId: targetRow.groupId, name, sharded }
        : undefined,
  }
}
