import type { SnapshotFrequencyType } from '../../../contract/atlas/common'
import type { SnapshotRow } from './model'

const HOUR = 3_600_000
const frequencies: SnapshotFrequencyType[] = [
  'hourly',
  'daily',
  'weekly',
  'monthly',
]

/** Test data: `count` snapshots, one an hour back from `newest`, newest first. */
export function makeRows(
  count: number,
  newest = Date.UTC(2026, 10, 23, 6),
): SnapshotRow[] {
  return Array.from({ length: count }, (_, i) => {
    const onDemand = i % 10 === 3
    const createdAt = new Date(newest - i * HOUR).toISOString()
    return {
      id: i.toString(16).padStart(24, '0'),
      createdAt,
      expiresAt: new Date(newest + 7 * 24 * HOUR - i * HOUR).toISOString(),
      snapshotType: onDemand ? 'onDemand' : 'scheduled',
      frequencyType: onDemand ? undefined : frequencies[i % frequencies.length],
      status: i % 50 === 7 ? 'failed' : 'completed',
      storageSizeBytes: 1_000_000_000 + i,
      description: onDemand ? `Before migration ${i}` : undefined,
      mongodVersion: '7.0.14',
      replicaSetName: 'rs0',
      members: undefined,
    }
  })
}
