import type { BackupSchedule } from '../../contract/atlas/schedule'
import type { SandboxDb } from './db'

export function getSchedule(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
): BackupSchedule | undefined {
  const row = db
    .prepare(
      'SELECT doc FROM schedules WHERE group_id = ? AND cluster_name = ?',
    )
    .get(groupId, clusterName) as { doc: string } | undefined
  return row ? (JSON.parse(row.doc) as BackupSchedule) : undefined
}

export function putSchedule(
  db: SandboxDb,
  groupId: string,
  clusterName: string,
  schedule: BackupSchedule,
): void {
  db.prepare(
    'INSERT INTO schedules (group_id, cluster_name, doc) VALUES (?, ?, ?) ON CONFLICT(group_id, cluster_name) DO UPDATE SET doc = excluded.doc',
  ).run(groupId, clusterName, JSON.stringify(schedule))
}
