import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'

import { ApiError } from '../../../lib/api-error'

/**
 * Puts each error the BFF names at its field (DESIGN §3); what names no field of this form
 * goes to the form's root. `explain` adds words for particular refusals (409 LAST_ADMIN).
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  explain: (error: ApiError) => string | undefined = () => undefined,
): void {
  if (!(error instanceof ApiError)) {
    setError('root', {
      message: error instanceof Error ? error.message : 'The change failed.',
    })
    return
  }
  const extra = explain(error)
  let placed = false
  for (const f of error.fields) {
    const field = fields.find((name) => name === f.field)
    if (!field) continue
    setError(field, {
      type: 'server',
      message: extra ? `${f.description} ${extra}` : f.description,
    })
    placed = true
  }
  if (!placed) {
    setError('root', {
      message: [error.message, extra].filter(Boolean).join(' '),
    })
  }
}
