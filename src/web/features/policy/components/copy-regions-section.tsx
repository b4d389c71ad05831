import { useState } from 'react'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'

import { copyKindsOf } from '../../../../contract/rules/copy-kinds'
import type { CopySettingInput } from '../../../../contract/rules/copy-settings'
import { copyRegionOptions } from '../../../../contract/rules/copy-zones'
import { ok, refuse } from '../../../../contract/rules/result'
import { GuardedButton } from '../../../components/ui/guarded-button'
import type { ClusterFacts } from '../cluster-facts'
import { newCopySetting } from '../copy-values'
import { COPIES, ITEMS, type PolicyFormValues } from '../form-schema'
import { CopyRegionRow } from './copy-region-row'
import { RemoveCopyDialog } from './remove-copy-dialog'

type CopyRegionsSectionProps = {
  groupId: string
  facts: ClusterFacts
  /** The copy settings as saved: removing one of them asks about its copies. */
  saved: readonly CopySettingInput[]
}

/**
 * "Copies to other regions" (issue 9, reference 003), per zone of the cluster: each copy
 * region of the zone's primary provider, the kinds it takes and how long, and its oplogs.
 */
export function CopyRegionsSection({
  groupId,
  facts,
  saved,
}: CopyRegionsSectionProps) {
  const { control, getValues, setValue } = useFormContext<PolicyFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: COPIES })
  const copies = useWatch({ control, name: COPIES })
  const items = useWatch({ control, name: ITEMS })
  const [removing, setRemoving] = useState<number | null>(null)
  const offered = copyKindsOf(items)

  const askOrRemove = (i: number) => {
    const row = copies[i]
    const wasSaved = saved.some(
      (s) => s.zoneId === row?.zoneId && s.regionName === row?.regionName,
    )
    if (wasSaved) setRemoving(i)
    else remove(i)
  }
  const removingRow = removing === null ? undefined : copies[removing]
  const removingZone = facts.zones.find((z) => z.zoneId === removingRow?.zoneId)

  return (
    <section aria-labelledby="copies-title">
      <h2 id="copies-title">Copies to other regions</h2>
      <p className="hint">
        Copies survive an outage of the region the snapshots are taken in. Only
        regions of the same cloud provider as the zone&apos;s primary region can
        hold them.
      </p>
      {facts.zones.length === 0 ? (
        <p className="empty">
          Atlas names no zone for this cluster, so its snapshots cannot be
          copied to other regions.
        </p>
      ) : null}
      {facts.zones.map((zone) => {
        const options = copyRegionOptions(zone, facts.nodeRegions)
        const taken = copies
          .filter((c) => c.zoneId === zone.zoneId)
          .map((c) => c.regionName)
        const free = options.find((o) => !taken.includes(o.regionName))
        return (
          <section
            key={zone.zoneId}
            className="copy-zone"
            aria-labelledby={`zone-${zone.zoneId}`}
          >
            <h3 id={`zone-${zone.zoneId}`}>{zone.zoneName}</h3>
            <p className="policy-facts">
              Snapshots are taken in{' '}
              {zone.snapshotRegion ?? 'an unknown region'}
              {zone.provider ? ` (${zone.provider})` : ''}.
            </p>
            {taken.length === 0 ? (
              <p className="empty">No copies to other regions.</p>
            ) : null}
            {fields.map((field, i) =>
              copies[i]?.zoneId === zone.zoneId ? (
                <CopyRegionRow
                  key={field.id}
                  index={i}
                  n={
                    copies.slice(0, i).filter((c) => c.zoneId === zone.zoneId)
                      .length + 1
                  }
                  zone={zone}
                  options={options}
                  offered={offered}
                  pitEnabled={facts.pitEnabled}
                  onRemove={() => askOrRemove(i)}
                />
              ) : null,
            )}
            <GuardedButton
              className="button small"
              verdict={
                free
                  ? ok
                  : refuse(
                      `${zone.zoneName} copies to every region it can already`,
                    )
              }
              onClick={() => {
                if (free)
                  append(newCopySetting(zone, free.regionName, items, offered))
              }}
            >
              Add a copy region to {zone.zoneName}
            </GuardedButton>
          </section>
        )
      })}
      {removing !== null && removingRow && removingZone ? (
        <RemoveCopyDialog
          groupId={groupId}
          clusterName={facts.name}
          sharded={facts.sharded}
          zone={removingZone}
          regionName={removingRow.regionName}
          onKeep={() => {
            remove(removing)
            setRemoving(null)
          }}
          onDelete={() => {
            setValue('deleteCopiedBackups', [
              ...getValues('deleteCopiedBackups'),
              {
                zoneId: removingRow.zoneId,
                cloudProvider: removingRow.cloudProvider,
                regionName: removingRow.regionName,
              },
            ])
            remove(removing)
            setRemoving(null)
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </section>
  )
}
