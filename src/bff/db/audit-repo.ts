import type { BffDb } from './db'
import { statement } from './statements'

// The audit trail: append-only (triggers refuse UPDATE and DELETE). Each change writes an
// `intent` row before Atlas is called and an `outcome` row after, linked by intent_id, so a
// crash in between still leaves the attempt on record.
export type AuditEntry = {
  id: number
  at: number
  actor: string
  action: string
  phase: 'intent' | 'outcome'
  intentId: number | null
  groupId: string | null
  clusterName: string | null
  target: string | null
  outcome: string | null
  atlasId: string | null
  requestId: string | null
  details: Record<string, unknown>
}

export type NewAuditEntry = Omit<
  AuditEntry,
  | 'id'
  | 'intentId'
  | 'groupId'
  | 'clusterName'
  | 'target'
  | 'outcome'
  | 'atlasId'
  | 'requestId'
> &
  Partial<
    Pick<
      AuditEntry,
      | 'intentId'
      | 'groupId'
      | 'clusterName'
      | 'target'
      | 'outcome'
      | 'atlasId'
      | 'requestId'
    >
  >

type Row = Omit<
  AuditEntry,
  'intentId' | 'groupId' | 'clusterName' | 'atlasId' | 'requestId' | 'details'
> & {
  intent_id: number | null
  group_id: string | null
  cluster_name: string | null
  atlas_id: string | null
  request_id: string | null
  details: string
}

export function appendAudit(db: BffDb, entry: NewAuditEntry): number {
  const result = statement(
    db,
    `INSERT INTO audit (at, actor, action, phase, intent_id, group_id, cluster_name, target, outcome, atlas_id, request_id, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    entry.actor,
    entry.action,
    entry.phase,
    entry.intentId ?? null,
    entry.groupId ?? null,
    entry.clusterName ?? null,
    entry.target ?? null,
    entry.outcome ?? null,
    entry.atlasId ?? null,
    entry.requestId ?? null,
    JSON.stringify(entry.details),
  )
  return Number(result.lastInsertRowid)
}

export type AuditFilter = {
  actor?: string | undefined
  action?: string | undefined
  groupId?: string | undefined
  clusterName?: string | undefined
  atlasId?: string | undefined
  from?: number | undefined
  to?: number | undefined
  beforeId?: number | undefined
  limit: number
}

export function listAudit(db: BffDb, filter: AuditFilter): AuditEntry[] {
  const where: string[] = []
  const args: (string | number)[] = []
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return
    where.push(clause)
    args.push(value)
  }
  add('actor = ?', filter.actor)
  add('action = ?', filter.action)
  add('group_id = ?', filter.groupId)
  add('cluster_name = ?', filter.clusterName)
  add('atlas_id = ?', filter.atlasId)
  add('at >= ?', filter.from)
  add('at <= ?', filter.to)
  add('id < ?', filter.beforeId)
  const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
  const rows = statement(db, sql).all(...args, filter.limit) as Row[]
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    phase: r.phase,
    intentId: r.intent_id,
    groupId: r.group_id,
    clusterName: r.cluster_name,
    target: r.target,
    outcome: r.outcome,
    atlasId: r.atlas_id,
    requestId: r.request_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }))
}
