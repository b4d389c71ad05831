import type { Cluster, RegionConfig } from '../atlas/cluster'
import type { CloudProvider } from '../atlas/common'
import { atlasRegions } from '../atlas/regions'

// The zones a cluster's snapshots can be copied from (copySettings[].zoneId "from
// replicationSpecs[].zoneId", ATLAS-CONTRACT.md §6): a replica set or a sharded cluster has one
// zone, a global cluster several. Copies go only to regions "in the same cloud provider as the
// zone's primary region" (reference 003); snapshots are taken "in the highest priority region",
// so that region holds them already and is no copy region.

export type CopyZone = {
  zoneId: string
  zoneName: string
  /** The cloud provider of the zone's highest-priority region: the only one copies may use. */
  provider: CloudProvider | undefined
  /** The zone's highest-priority region, where its snapshots are taken. */
  snapshotRegion: string | undefined
}

function providerOf(config: RegionConfig): CloudProvider | undefined {
  const name =
    config.providerName === 'TENANT'
      ? config.backingProviderName
      : config.providerName
  return name === 'AWS' || name === 'AZURE' || name === 'GCP' ? name : undefined
}

function highestPriority(
  configs: readonly RegionConfig[],
): RegionConfig | undefined {
  return [...configs].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))[0]
}

/** One entry per distinct zoneId, in the order of the replication specs. */
export function clusterZones(cluster: Cluster): CopyZone[] {
  const zones: CopyZone[] = []
  for (const spec of cluster.replicationSpecs ?? []) {
    const zoneId = spec.zoneId
    if (zoneId === undefined || zones.some((z) => z.zoneId === zoneId)) continue
    const primary = highestPriority(spec.regionConfigs ?? [])
    zones.push({
      zoneId,
      zoneName: spec.zoneName ?? `Zone ${zones.length + 1}`,
      provider: primary ? providerOf(primary) : undefined,
      snapshotRegion: primary?.regionName,
    })
  }
  return zones
}

/** Every region holding nodes of the cluster, of any zone. */
export function clusterNodeRegions(cluster: Cluster): string[] {
  const regions = (cluster.replicationSpecs ?? []).flatMap((spec) =>
    (spec.regionConfigs ?? []).flatMap((c) =>
      c.regionName === undefined ? [] : [c.regionName],
    ),
  )
  return [...new Set(regions)]
}

export type CopyRegionOption = {
  regionName: string
  location: string
  /** The cluster has nodes there already: offered after the regions it has none in. */
  holdsNodes: boolean
}

/**
 * The regions a zone can copy to: its primary provider's, without the region its snapshots are
 * taken in; regions not holding the cluster's nodes first (they survive an outage of those).
 */
export function copyRegionOptions(
  zone: CopyZone,
  nodeRegions: readonly string[],
): CopyRegionOption[] {
  if (!zone.provider) return []
  const options = atlasRegions[zone.provider]
    .filter((r) => r.name !== zone.snapshotRegion)
    .map((r) => ({
      regionName: r.name,
      location: r.location,
      holdsNodes: nodeRegions.includes(r.name),
    }))
  return [
    ...options.filter((o) => !o.holdsNodes),
    ...options.filter((o) => o.holdsNodes),
  ]
}
