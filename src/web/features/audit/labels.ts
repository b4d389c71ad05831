// Words for the codes the BFF writes to the trail (src/bff/routes/*-writes.ts, users.ts). An
// action the SPA does not know yet is shown by its code, never dropped.

export const actionLabels: Record<string, string> = {
  'snapshot.take': 'Take on-demand snapshot',
  'snapshot.expiry': 'Change snapshot expiry',
  'snapshot.delete': 'Delete snapshot',
  'policy.update': 'Change backup policy',
  'policy.delete': 'Delete backup policy',
  'restore.create': 'Start restore',
  'restore.cancel': 'Cancel restore',
  'user.create': 'Add user',
  'user.update': 'Change user',
}

export const knownActions = Object.keys(actionLabels)

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action
}

const outcomeLabels: Record<string, string> = {
  succeeded: 'Succeeded',
  refused: 'Refused',
  unknown: 'Unknown: cut off before Atlas answered',
  reconciled: 'Reconciled after a restart',
}

export function outcomeLabel(outcome: string | null): string {
  if (outcome === null) return 'No outcome'
  return outcomeLabels[outcome] ?? outcome
}

/** Outcomes that did not (or may not have) happened, marked beside the words, not by colour alone. */
export function isTroubleOutcome(outcome: string | null): boolean {
  return outcome === 'refused' || outcome === 'unknown'
}
