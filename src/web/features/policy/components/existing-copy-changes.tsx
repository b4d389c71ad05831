import { useQuery } from '@tanstack/react-query'

import { cloudProviders } from '../../../../contract/atlas/common'
import { regionLabel } from '../../../../contract/atlas/regions'
import {
  type CopyChange,
  copyRetentionChanges,
} from '../../../../contract/rules/copy-retention-changes'
import type { CopySettingInput } from '../../../../contract/rules/copy-settings'
import { LoadFailure } from '../../../components/load-failure'
import { copiedSnapshotsQuery } from '../copied-snapshots'
import { existingCopies } from '../existing-copies'
import { useAtlasNow } from '../use-atlas-now'

type ExistingCopyChangesProps = {
  groupId: string
  name: string
  sharded: boolean
  savedSettings: readonly CopySettingInput[]
  editedSettings: readonly CopySettingInput[]
  updateCopySnapshots: boolean
  deleteCopySnapshots: boolean
}

const copies = (n: number) => `${n} ${n === 1 ? 'copy' : 'copies'}`

function perRegion(
  changes: {
    updated: CopyChange[]
    removed: CopyChange[]
    deleted: CopyChange[]
  },
  saved: readonly CopySettingInput[],
): string[] {
  const regions = [
    ...new Set(
      [...changes.updated, ...changes.removed, ...changes.deleted].map(
        (c) => c.regionName,
      ),
    ),
  ]
  return regions.map((region) => {
    const here = (list: CopyChange[]) =>
      list.filter((c) => c.regionName === region).length
    const named = saved.find((s) => s.regionName === region)?.cloudProvider
    const provider = cloudProviders.find((p) => p === named)
    const parts = [
      `${here(changes.updated)} new expiry`,
      `${here(changes.removed)} removed`,
      `${here(changes.deleted)} deleted`,
    ]
    return `${regionLabel(provider, region)}: ${parts.join(', ')}`
  })
}

/**
 * The consequence of updateCopySnapshots and deleteCopySnapshots, by the rule the sandbox
 * applies (copy-retention-changes.ts): how many existing copies take a new expiry, how many
 * would go because it has passed, and how many go with their kind.
 */
export function ExistingCopyChanges(props: ExistingCopyChangesProps) {
  const copied = useQuery({
    ...copiedSnapshotsQuery(props.groupId, props.name),
    enabled: !props.sharded,
  })
  const { now, settled } = useAtlasNow()
  if (props.sharded) {
    return (
      <p role="status">
        Atlas does not list which snapshots of a sharded cluster were copied, so
        the copies this changes cannot be counted.
      </p>
    )
  }
  if (!copied.data || !settled) {
    return copied.isPending || !settled ? (
      <p role="status">Counting the existing copies…</p>
    ) : (
      <LoadFailure
        error={copied.error}
        what="The existing copies"
        onRetry={() => void copied.refetch()}
      />
    )
  }
  const changes = copyRetentionChanges({
    copies: existingCopies(copied.data, props.savedSettings),
    oldSettings: props.savedSettings,
    newSettings: props.editedSettings,
    updateCopySnapshots: props.updateCopySnapshots,
    deleteCopySnapshots: props.deleteCopySnapshots,
    now,
  })
  const sentences: string[] = []
  if (props.updateCopySnapshots) {
    sentences.push(
      `${copies(changes.updated.length)} ${changes.updated.length === 1 ? 'gets' : 'get'} a new expiry; ${copies(changes.removed.length)} would be removed when you save (the new expiry has passed).`,
    )
  }
  if (props.deleteCopySnapshots) {
    sentences.push(
      `${copies(changes.deleted.length)} of kinds no longer copied would be deleted when you save.`,
    )
  }
  const lines = perRegion(changes, props.savedSettings)
  return (
    <div>
      <p role="status">{sentences.join(' ')}</p>
      {lines.length > 0 ? (
        <ul aria-label="Existing copies that change, by region">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="hint">
        An estimate: Atlas lists the regions holding a copy of each snapshot,
        not when each copy expires, so the copies&rsquo; current expiries are
        worked out from the saved copy retention, counted from when each
        snapshot was taken.
      </p>
    </div>
  )
}
