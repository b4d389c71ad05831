import { STATUS_CODES } from 'node:http'

export type FieldViolation = { field: string; description: string }

/**
 * The one error the BFF returns: Atlas's ApiError envelope (so the SPA reads Atlas's and
 * ours alike) plus the request id that ties it to the log line (DESIGN §3).
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly fields: FieldViolation[] = [],
    readonly parameters: unknown[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }

  toBody(requestId: string) {
    return {
      error: this.status,
      errorCode: this.errorCode,
      detail: this.detail,
      reason: STATUS_CODES[this.status] ?? 'Error',
      parameters: this.parameters,
      ...(this.fields.length > 0
        ? { badRequestDetail: { fields: this.fields } }
        : {}),
      requestId,
    }
  }
}

export const unauthenticated = () =>
  new ApiProblem(
    401,
    'UNAUTHENTICATED',
    'Sign in to continue: there is no valid session.',
  )

export function badRequest(
  detail: string,
  fields: FieldViolation[],
  errorCode = 'VALIDATION_ERROR',
) {
  return new ApiProblem(400, errorCode, detail, fields)
}

/** A refusal from src/contract/rules, with the same words the UI shows. */
export function fromRefusal(
  refusal: { reason: string; field?: string; errorCode?: string },
  status = 400,
): ApiProblem {
  return new ApiProblem(
    status,
    refusal.errorCode ?? 'VALIDATION_ERROR',
    refusal.reason,
    refusal.field
      ? [{ field: refusal.field, description: refusal.reason }]
      : [],
  )
}
