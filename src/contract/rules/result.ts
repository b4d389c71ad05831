// Every rule returns ok or a refusal a person can read, naming the field it is about so the
// UI can show it next to that field and the BFF/sandbox can return it in badRequestDetail.

export type RuleOk = { ok: true }
export type RuleRefusal = {
  ok: false
  /** A sentence an operator can act on, e.g. "oplogInc must be at least 1". */
  reason: string
  /** Path of the request-body field at fault ("policies.0.policyItems.2.retentionValue"). */
  field?: string
  /** The Atlas errorCode the sandbox answers with when it refuses for this reason. */
  errorCode?: string
}
export type RuleResult = RuleOk | RuleRefusal

export const ok: RuleOk = { ok: true }

export function refuse(
  reason: string,
  field?: string,
  errorCode = 'VALIDATION_ERROR',
): RuleRefusal {
  return field === undefined
    ? { ok: false, reason, errorCode }
    : { ok: false, reason, field, errorCode }
}

/** The first refusal among several checks, or ok. */
export function firstRefusal(results: readonly RuleResult[]): RuleResult {
  return results.find((r) => !r.ok) ?? ok
}

/** All refusals, for forms that show every error at once. */
export function allRefusals(results: readonly RuleResult[]): RuleRefusal[] {
  return results.filter((r): r is RuleRefusal => !r.ok)
}
