import { useMemo } from 'react'

import { type PolicyEstimate, estimatePolicy } from './estimate'
import type { PolicyShape } from './form-values'

/**
 * The estimate (P7) of a policy, recomputed only when the policy or the minute changes: renders
 * that change nothing (validation state) do not replay a year of snapshots again. The policy is
 * compared as JSON, where a half-typed number (NaN) becomes null, which the estimate treats like
 * any other value it cannot use.
 */
export function useEstimate(
  policy: PolicyShape,
  nowMs: number,
): PolicyEstimate {
  const key = JSON.stringify(policy)
  return useMemo(
    () => estimatePolicy(JSON.parse(key) as PolicyShape, new Date(nowMs)),
    [key, nowMs],
  )
}
