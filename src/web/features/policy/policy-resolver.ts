import { zodResolver } from '@hookform/resolvers/zod'
import { type Resolver, get, set } from 'react-hook-form'

import {
  type ScheduleValidationOptions,
  validateSchedule,
} from '../../../contract/rules/schedule-validate'
import { addErrors, flattenErrors } from './field-errors'
import { type PolicyFormValues, policyFormSchema } from './form-schema'
import { formShape } from './form-values'

// Live validation: the contract schema (types, P6 bounds) through zodResolver, merged with every
// refusal of the shared rules P1–P6, copies and exports (validateSchedule, the function the BFF
// and the sandbox call), each on its field. Where both speak about one field the rule's sentence wins: it says why.

export function policyRules(
  values: PolicyFormValues,
  options: ScheduleValidationOptions,
) {
  const shape = formShape(values)
  return validateSchedule(
    {
      ...shape,
      ...shape.extras,
      copyPolicyItemsEnabled: true,
      deleteCopySnapshots: values.deleteCopySnapshots,
      policies: [{ policyItems: shape.items }],
    },
    options,
  )
}

export function policyResolver(
  options: ScheduleValidationOptions,
): Resolver<PolicyFormValues> {
  const schema = zodResolver(policyFormSchema(options.pitEnabled), undefined, {
    raw: true,
  })
  return async (values, context, resolverOptions) => {
    const parsed = await schema(values, context, resolverOptions)
    const refusals = policyRules(values, options)
    if (refusals.length === 0) return parsed
    const errors = addErrors<PolicyFormValues>({}, refusals, 'rule')
    for (const { path, message } of flattenErrors(parsed.errors)) {
      if (!get(errors, path)) set(errors, path, { type: 'schema', message })
    }
    return { values: {}, errors }
  }
}
