import { isAbsent } from '../../../contract/rules/field-checks'
import type {
  CopyPolicyItemInput,
  CopySettingInput,
} from '../../../contract/rules/copy-settings'
import { retentionUnits } from '../../../contract/atlas/common'
import { describeRetention } from '../../../contract/rules/retention'
import type { ExtrasShape } from './copy-values'

// Copies to other regions and exports in words (issue 9), for "Changes from the saved policy"
// and the conflict notice. Copy settings pair by zone and region; a removed one says whether
// its copies are kept or deleted, the consequence the removal dialog asked about.

const kindWords: Record<string, string> = {
  hourly: 'hourly',
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  yearly: 'yearly',
  ondemand: 'on-demand',
}

function describeCopyItem(item: CopyPolicyItemInput): string {
  const kind = kindWords[item.frequencyType] ?? item.frequencyType
  const unit = retentionUnits.find((u) => u === item.retentionUnit)
  if (item.frequencyType === 'ondemand' || !unit) return kind
  const value = item.retentionValue
  if (isAbsent(value) || !Number.isInteger(value)) return `${kind} kept —`
  return `${kind} kept ${describeRetention(value, unit)}`
}

/** "hourly kept 1 day, daily kept 7 days, oplogs" */
export function describeCopySetting(setting: CopySettingInput): string {
  const last = setting.lastNumberOfSnapshots
  const what = isAbsent(last)
    ? (setting.copyPolicyItems ?? []).map(describeCopyItem)
    : [`the last ${Number.isInteger(last) ? last : '—'} snapshots`]
  if (setting.shouldCopyOplogs === true) what.push('oplogs')
  return what.length > 0 ? what.join(', ') : 'nothing'
}

const keyOf = (s: { zoneId?: unknown; regionName?: unknown }) =>
  `${String(s.zoneId)}/${String(s.regionName)}`

function describeExport(shape: ExtrasShape): string {
  const { exportBucketId, frequencyType } = shape.export
  const to = `${frequencyType ?? 'no frequency'}, bucket ${exportBucketId ?? 'none'}`
  return `${shape.autoExportEnabled ? 'on' : 'off'} (${to})`
}

export function diffExtras(
  saved: ExtrasShape,
  edited: ExtrasShape,
  zoneName: (zoneId: string) => string,
): string[] {
  const lines: string[] = []
  const where = (s: CopySettingInput) =>
    `${s.regionName || 'no region'} (${zoneName(String(s.zoneId))})`
  const before = new Map(saved.copySettings.map((s) => [keyOf(s), s]))
  const after = new Map(edited.copySettings.map((s) => [keyOf(s), s]))
  for (const [key, s] of after) {
    const old = before.get(key)
    if (!old) {
      lines.push(`Copies to ${where(s)} added: ${describeCopySetting(s)}`)
    } else if (describeCopySetting(old) !== describeCopySetting(s)) {
      lines.push(
        `Copies to ${where(s)}: ${describeCopySetting(old)} → ${describeCopySetting(s)}`,
      )
    }
  }
  for (const [key, s] of before) {
    if (after.has(key)) continue
    const deleted = edited.deleteCopiedBackups.some((d) => keyOf(d) === key)
    lines.push(
      `Copies to ${where(s)} removed: ${
        deleted
          ? 'the snapshots copied there are deleted'
          : 'the snapshots copied there stay until they expire'
      }`,
    )
  }
  const exportBefore = describeExport(saved)
  const exportAfter = describeExport(edited)
  if (exportBefore !== exportAfter) {
    lines.push(`Automatic export: ${exportBefore} → ${exportAfter}`)
  }
  if (
    saved.useOrgAndGroupNamesInExportPrefix !==
    edited.useOrgAndGroupNamesInExportPrefix
  ) {
    const words = (names: boolean) => (names ? 'names' : 'ids')
    lines.push(
      `Export path: organisation and project ${words(saved.useOrgAndGroupNamesInExportPrefix)} → ${words(edited.useOrgAndGroupNamesInExportPrefix)}`,
    )
  }
  return lines
}
