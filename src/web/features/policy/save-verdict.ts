import { type RuleResult, ok, refuse } from '../../../contract/rules/result'
import type { FlatError } from './field-errors'

// Why Save is disabled, in the order an operator would fix it (DESIGN §3: disable and say why).

export function saveVerdict(input: {
  edit: RuleResult
  problems: readonly FlatError[]
  conflict: boolean
  dirty: boolean
  saving: boolean
}): RuleResult {
  if (!input.edit.ok) return input.edit
  if (input.saving) return refuse('Saving')
  if (input.conflict)
    return refuse(
      'Someone else changed the policy: load their version (or discard your edits) first',
    )
  const [first] = input.problems
  if (first) {
    const count =
      input.problems.length === 1
        ? 'One problem'
        : `${input.problems.length} problems`
    return refuse(`${count} to fix first: ${first.message.replace(/\.$/, '')}`)
  }
  if (!input.dirty) return refuse('Nothing to save: the policy is as saved')
  return ok
}
