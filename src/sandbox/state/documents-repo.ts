import type { SandboxDb } from './db'

// Snapshots and restore jobs share a shape in storage: the Atlas document the API returns,
// and `sim`, the sandbox's private bookkeeping (when a job finishes, whether it will fail…),
// which is never sent to clients.
export type StoredDocument<Doc, Sim> = {
  id: string
  groupId: string
  clusterName: string
  createdAt: number
  doc: Doc
  sim: Sim
}

type DocumentRow = {
  id: string
  group_id: string
  cluster_name: string
  created_at: number
  doc: string
  sim: string
}

export type DocumentTable = 'snapshots' | 'restore_jobs'

function fromRow<Doc, Sim>(row: DocumentRow): StoredDocument<Doc, Sim> {
  return {
    id: row.id,
    groupId: row.group_id,
    clusterName: row.cluster_name,
    createdAt: row.created_at,
    doc: JSON.parse(row.doc) as Doc,
    sim: JSON.parse(row.sim) as Sim,
  }
}

/** Stores a new snapshot or job and returns it as stored. */
export function insertDocument<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  item: StoredDocument<Doc, Sim>,
): StoredDocument<Doc, Sim> {
  db.prepare(
    `INSERT INTO ${table} (id, group_id, cluster_name, created_at, doc, sim) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    item.id,
    item.groupId,
    item.clusterName,
    item.createdAt,
    JSON.stringify(item.doc),
    JSON.stringify(item.sim),
  )
  return item
}

export function updateDocument<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  item: Pick<StoredDocument<Doc, Sim>, 'id' | 'doc' | 'sim'>,
): void {
  db.prepare(`UPDATE ${table} SET doc = ?, sim = ? WHERE id = ?`).run(
    JSON.stringify(item.doc),
    JSON.stringify(item.sim),
    item.id,
  )
}

export function deleteDocument(
  db: SandboxDb,
  table: DocumentTable,
  id: string,
): void {
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id)
}

/** Newest first, as Atlas lists them. */
export function listDocuments<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  groupId: string,
  clusterName: string,
): StoredDocument<Doc, Sim>[] {
  return selectDocuments<Doc, Sim>(
    db,
    table,
    'group_id = ? AND cluster_name = ?',
    groupId,
    clusterName,
  )
}

export function getDocument<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  groupId: string,
  clusterName: string,
  id: string,
): StoredDocument<Doc, Sim> | undefined {
  return selectDocuments<Doc, Sim>(
    db,
    table,
    'group_id = ? AND cluster_name = ? AND id = ?',
    groupId,
    clusterName,
    id,
  )[0]
}

/**
 * Rows matching a condition on the stored columns or documents, newest first as Atlas lists
 * them; the clock takes them oldest first, in the order they happened.
 */
export function selectDocuments<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  where: string,
  ...args: (string | number)[]
): StoredDocument<Doc, Sim>[] {
  return selectOrdered<Doc, Sim>(db, table, 'DESC', where, args)
}

export function selectDocumentsOldestFirst<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  where: string,
  ...args: (string | number)[]
): StoredDocument<Doc, Sim>[] {
  return selectOrdered<Doc, Sim>(db, table, 'ASC', where, args)
}

function selectOrdered<Doc, Sim>(
  db: SandboxDb,
  table: DocumentTable,
  order: 'ASC' | 'DESC',
  where: string,
  args: (string | number)[],
): StoredDocument<Doc, Sim>[] {
  const rows = db
    .prepare(
      `SELECT * FROM ${table} WHERE ${where} ORDER BY created_at ${order}, id ${order}`,
    )
    .all(...args) as DocumentRow[]
  return rows.map((r) => fromRow<Doc, Sim>(r))
}
