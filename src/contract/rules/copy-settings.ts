import {
  type CloudProvider,
  cloudProviders,
  retentionUnits,
} from '../atlas/common'
import { REGION_NAME_PATTERN, isKnownRegion } from '../atlas/regions'
import { type CopyKind, copyKinds, kindOfUpper } from './copy-kinds'
import type { CopyZone } from './copy-zones'
import {
  type MaybeNumber,
  type MaybeString,
  checkIntegerInRange,
  isAbsent,
  listWithOr,
} from './field-checks'
import { allRefusals, ok, refuse } from './result'
import type { RuleRefusal, RuleResult } from './result'

// Copies to other regions (issue 9; DiskBackupCopySetting20240805, ATLAS-CONTRACT.md §6,
// reference 003 "Configure Atlas to Automatically Copy Snapshots to Other Regions"). Every
// refusal names its request-body path, e.g. 'copySettings.0.copyPolicyItems.2.retentionValue'.

export const MAX_COPY_ITEMS = 6
export const MAX_LAST_SNAPSHOTS = 500

export type CopyPolicyItemInput = {
  frequencyType: string
  retentionUnit?: MaybeString
  retentionValue?: MaybeNumber
}

export type CopySettingInput = {
  zoneId?: MaybeString
  cloudProvider?: MaybeString
  regionName?: MaybeString
  shouldCopyOplogs?: boolean | null | undefined
  frequencies?: readonly string[] | undefined
  copyPolicyItems?: readonly CopyPolicyItemInput[] | undefined
  lastNumberOfSnapshots?: MaybeNumber
}

export type CopySettingsInput = {
  copySettings?: readonly CopySettingInput[] | undefined
  copyPolicyItemsEnabled?: boolean | null | undefined
  deleteCopySnapshots?: boolean | null | undefined
}

export type CopyRulesOptions = {
  /** The cluster's zones (copy-zones.ts); empty when the cluster names none. */
  zones: readonly CopyZone[]
  /** Continuous cloud backup: oplogs can be copied only then. */
  pitEnabled: boolean
  /** The kinds the policy takes (copyKindsOf): copies of other kinds would never happen. */
  policyKinds: readonly CopyKind[]
  /** Refuse regions missing from atlas/regions.ts (the sandbox); the BFF lets Atlas judge. */
  knownRegionsOnly: boolean
}

const present = (list: readonly unknown[] | undefined) =>
  list !== undefined && list.length > 0

function checkPlace(
  setting: CopySettingInput,
  path: string,
  options: CopyRulesOptions,
): RuleResult[] {
  const zone = options.zones.find((z) => z.zoneId === setting.zoneId)
  if (options.zones.length > 0 && !zone) {
    const ids = listWithOr(options.zones.map((z) => z.zoneId))
    return [
      refuse(
        `zoneId must name a zone of this cluster (${ids})`,
        `${path}.zoneId`,
      ),
    ]
  }
  const results: RuleResult[] = []
  const provider = setting.cloudProvider
  if (
    isAbsent(provider) ||
    !(cloudProviders as readonly string[]).includes(provider)
  ) {
    results.push(
      refuse(
        'cloudProvider must be AWS, AZURE or GCP',
        `${path}.cloudProvider`,
      ),
    )
  } else if (zone?.provider && provider !== zone.provider) {
    // "You can select regions only for the same cloud provider as the primary region."
    results.push(
      refuse(
        `cloudProvider must be ${zone.provider}, the cloud provider of ${zone.zoneName}'s primary region`,
        `${path}.cloudProvider`,
      ),
    )
  }
  const region = setting.regionName
  const regionPath = `${path}.regionName`
  if (isAbsent(region) || !REGION_NAME_PATTERN.test(region)) {
    results.push(
      refuse(
        'regionName must be an Atlas region name such as US_WEST_2',
        regionPath,
      ),
    )
  } else if (zone?.snapshotRegion === region) {
    results.push(
      refuse(
        `regionName ${region} is where ${zone.zoneName} takes its snapshots already: choose another region`,
        regionPath,
      ),
    )
  } else if (
    options.knownRegionsOnly &&
    (cloudProviders as readonly string[]).includes(provider ?? '') &&
    !isKnownRegion(provider as CloudProvider, region)
  ) {
    results.push(
      refuse(
        `regionName ${region} is not a ${provider ?? ''} region`,
        regionPath,
      ),
    )
  }
  return results
}

function checkCopyItems(
  items: readonly CopyPolicyItemInput[],
  path: string,
  options: CopyRulesOptions,
): RuleResult[] {
  const results: RuleResult[] = []
  if (items.length > MAX_COPY_ITEMS) {
    results.push(
      refuse(
        `copyPolicyItems may hold at most ${MAX_COPY_ITEMS} items; this one holds ${items.length}`,
        path,
      ),
    )
  }
  items.forEach((item, j) => {
    const at = `${path}.${j}`
    const kind = copyKinds.find((k) => k === item.frequencyType)
    if (kind === undefined) {
      results.push(
        refuse(
          `frequencyType must be ${listWithOr(copyKinds)}`,
          `${at}.frequencyType`,
        ),
      )
      return
    }
    const kindResult = checkKind(
      kind,
      items.slice(0, j).map((i) => i.frequencyType),
      `${at}.frequencyType`,
      options,
    )
    results.push(kindResult)
    // One reason per item: a kind the policy does not take has no retention to judge.
    if (!kindResult.ok) return
    if (kind === 'ondemand') return
    if (
      isAbsent(item.retentionUnit) ||
      !(retentionUnits as readonly string[]).includes(item.retentionUnit)
    ) {
      results.push(
        refuse(
          'retentionUnit must be days, weeks, months or years',
          `${at}.retentionUnit`,
        ),
      )
    }
    results.push(
      isAbsent(item.retentionValue)
        ? refuse('retentionValue is required', `${at}.retentionValue`)
        : checkIntegerInRange(item.retentionValue, `${at}.retentionValue`, 1),
    )
  })
  return results
}

/** A kind once per setting, and only one the policy takes (on-demand always). */
function checkKind(
  kind: CopyKind,
  before: readonly string[],
  field: string,
  options: CopyRulesOptions,
): RuleResult {
  const words = kind === 'ondemand' ? 'on-demand' : kind
  if (before.includes(kind)) {
    return refuse(
      `frequencyType ${kind} appears twice: copy ${words} snapshots once`,
      field,
    )
  }
  if (!options.policyKinds.includes(kind)) {
    return refuse(
      `frequencyType ${kind}: the policy takes no ${words} snapshots to copy`,
      field,
    )
  }
  return ok
}

function checkFrequencies(
  frequencies: readonly string[],
  path: string,
  options: CopyRulesOptions,
): RuleResult[] {
  const results: RuleResult[] = []
  if (frequencies.length > MAX_COPY_ITEMS) {
    results.push(
      refuse(
        `frequencies may hold at most ${MAX_COPY_ITEMS} entries; this one holds ${frequencies.length}`,
        path,
      ),
    )
  }
  frequencies.forEach((upper, j) => {
    const kind = kindOfUpper(upper)
    results.push(
      kind === undefined
        ? refuse(
            'frequencies entries must be HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY or ON_DEMAND',
            `${path}.${j}`,
          )
        : checkKind(
            kind,
            frequencies.slice(0, j).flatMap((f) => kindOfUpper(f) ?? []),
            `${path}.${j}`,
            options,
          ),
    )
  })
  return results
}

/** What a setting copies: by kind (one form, by copyPolicyItemsEnabled) or the last N. */
function checkWhat(
  setting: CopySettingInput,
  path: string,
  input: CopySettingsInput,
  options: CopyRulesOptions,
): RuleResult[] {
  const current = input.copyPolicyItemsEnabled === true
  const items = setting.copyPolicyItems ?? []
  const frequencies = setting.frequencies ?? []
  const last = setting.lastNumberOfSnapshots
  const results: RuleResult[] = []
  if (!current && present(setting.copyPolicyItems)) {
    results.push(
      refuse(
        'copyPolicyItems needs copyPolicyItemsEnabled true (without it, Atlas reads frequencies)',
        `${path}.copyPolicyItems`,
      ),
    )
  }
  if (current && present(setting.frequencies)) {
    results.push(
      refuse(
        'frequencies is deprecated and refused while copyPolicyItemsEnabled is true: use copyPolicyItems',
        `${path}.frequencies`,
      ),
    )
  }
  if (!isAbsent(last)) {
    results.push(
      checkIntegerInRange(
        last,
        `${path}.lastNumberOfSnapshots`,
        1,
        MAX_LAST_SNAPSHOTS,
      ),
    )
    const other = present(setting.copyPolicyItems)
      ? 'copyPolicyItems'
      : present(setting.frequencies)
        ? 'frequencies'
        : undefined
    if (other) {
      results.push(
        refuse(
          `lastNumberOfSnapshots excludes ${other}: copy either the last snapshots or snapshots by kind`,
          `${path}.lastNumberOfSnapshots`,
        ),
      )
    }
  } else if (items.length === 0 && frequencies.length === 0) {
    results.push(
      refuse(
        `${current ? 'copyPolicyItems' : 'frequencies'} must name at least one kind of snapshot to copy`,
        `${path}.${current ? 'copyPolicyItems' : 'frequencies'}`,
      ),
    )
  }
  results.push(...checkCopyItems(items, `${path}.copyPolicyItems`, options))
  results.push(...checkFrequencies(frequencies, `${path}.frequencies`, options))
  return results
}

/** Every refusal of the copy settings, each on its field. */
export function validateCopySettings(
  input: CopySettingsInput,
  options: CopyRulesOptions,
): RuleRefusal[] {
  const settings = input.copySettings ?? []
  const results: RuleResult[] = []
  settings.forEach((setting, i) => {
    const path = `copySettings.${i}`
    results.push(...checkPlace(setting, path, options))
    const twin = settings
      .slice(0, i)
      .findIndex(
        (s) =>
          s.zoneId === setting.zoneId && s.regionName === setting.regionName,
      )
    if (twin >= 0 && !isAbsent(setting.regionName)) {
      results.push(
        refuse(
          `regionName ${setting.regionName} is already a copy region of this zone (copy setting ${twin + 1})`,
          `${path}.regionName`,
        ),
      )
    }
    // "If you disabled Continuous Cloud Backup for the cluster, you can't enable oplog
    // distribution for additional regions" (reference 003).
    if (setting.shouldCopyOplogs === true && !options.pitEnabled) {
      results.push(
        refuse(
          'shouldCopyOplogs needs continuous cloud backup, which is off for this cluster',
          `${path}.shouldCopyOplogs`,
        ),
      )
    }
    results.push(...checkWhat(setting, path, input, options))
  })
  if (
    input.deleteCopySnapshots === true &&
    input.copyPolicyItemsEnabled !== true
  ) {
    results.push(
      refuse(
        'deleteCopySnapshots needs copyPolicyItemsEnabled true',
        'deleteCopySnapshots',
      ),
    )
  }
  return allRefusals(results)
}
