import type { SandboxContext } from '../context'
import { RESTORE_OUTCOME_TAG } from '../seed-organisation'
import type { StoredCluster } from '../state/clusters-repo'

// Whether a restore of any kind will fail, decided when it is created (issue 3: a sentinel
// target whose restores fail, and a failNextRestore fault for the next creation on a path).

/** Consumes a failNextRestore fault set on this creation's path, if there is one. */
export function failNextRestoreTaken(
  ctx: SandboxContext,
  path: string,
): boolean {
  return ctx.faults.take('POST', path, ['failNextRestore']).length > 0
}

/** The seeded sentinel (failing-restore-target): every restore onto it fails. */
export function targetFailsRestores(
  target: StoredCluster | undefined,
): boolean {
  const tags = target && 'tags' in target.doc ? target.doc.tags : undefined
  return (tags ?? []).some(
    (tag) => tag.key === RESTORE_OUTCOME_TAG && tag.value === 'fail',
  )
}

export function restoreWillFail(
  ctx: SandboxContext,
  path: string,
  target: StoredCluster,
): boolean {
  return failNextRestoreTaken(ctx, path) || targetFailsRestores(target)
}
