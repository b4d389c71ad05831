import type { AuditEntry } from '../../../contract/bff/audit'

// Each change is written twice (contract/bff/audit.ts): an `intent` before Atlas is called and
// an `outcome` after, linked by intentId. The page shows them together, so an operator reads
// "asked → answered" in one place and spots an intent that never got an answer.

export type AuditChange = {
  /** The intent's id: the change's number on the page. */
  id: number
  /** Missing when the intent is older than the entries loaded (or outside the time range). */
  intent: AuditEntry | undefined
  /** Oldest first; usually one, a `reconciled` one after a crash. */
  outcomes: AuditEntry[]
}

function changeIdOf(entry: AuditEntry): number {
  return entry.phase === 'outcome' && entry.intentId !== null
    ? entry.intentId
    : entry.id
}

/**
 * Groups entries (newest first, as the BFF sends them) into changes, newest change first: a
 * change takes the place of its newest entry, and lists its intent before its outcomes.
 */
export function groupChanges(entries: readonly AuditEntry[]): AuditChange[] {
  const changes = new Map<number, AuditChange>()
  for (const entry of entries) {
    const id = changeIdOf(entry)
    let change = changes.get(id)
    if (!change) {
      change = { id, intent: undefined, outcomes: [] }
      changes.set(id, change)
    }
    if (entry.phase === 'intent') change.intent = entry
    else change.outcomes.push(entry)
  }
  for (const change of changes.values()) {
    change.outcomes.sort((a, b) => a.id - b.id)
  }
  return [...changes.values()]
}

/** The change's entries in the order they happened. */
export function entriesOf(change: AuditChange): AuditEntry[] {
  return change.intent ? [change.intent, ...change.outcomes] : change.outcomes
}
