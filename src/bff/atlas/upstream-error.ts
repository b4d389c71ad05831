import { apiErrorSchema } from '../../contract/atlas/api-error'
import { explainVersionGone } from '../../contract/rules/serverless-restore'
import { ApiProblem } from '../http/errors'

/** Turns an Atlas error response into the BFF's envelope, keeping Atlas's code and fields. */
export function problemFromUpstream(
  status: number,
  body: unknown,
  headers: Record<string, string | string[] | undefined>,
): ApiProblem {
  const parsed = apiErrorSchema.safeParse(body)
  const retryAfter = headers['retry-after']
  const passHeaders: Record<string, string> =
    typeof retryAfter === 'string' ? { 'Retry-After': retryAfter } : {}
  if (!parsed.success) {
    return new ApiProblem(
      502,
      'UPSTREAM_BAD_RESPONSE',
      `Atlas answered ${status} with a body that is not an Atlas error.`,
      [],
      [],
      passHeaders,
    )
  }
  const error = parsed.data
  // Atlas refusing *our* credentials is a server misconfiguration, not the operator's session
  // ending: a 401 passed through would send the browser back to sign-in.
  if (status === 401) {
    return new ApiProblem(
      502,
      'UPSTREAM_UNAUTHORIZED',
      `Atlas refused Backup Console's credentials (${error.errorCode}): check the ATLAS_* settings of the server.`,
    )
  }
  // R5: the serverless endpoints were sunset; say so in words rather than relaying a raw 410.
  const detail =
    status === 410 && error.errorCode === 'VERSION_GONE'
      ? explainVersionGone()
      : (error.detail ?? `Atlas answered ${status} ${error.errorCode}.`)
  return new ApiProblem(
    status,
    error.errorCode,
    detail,
    error.badRequestDetail?.fields ?? [],
    error.parameters ?? [],
    passHeaders,
  )
}

export function unreachable(cause: unknown, write: boolean): ApiProblem {
  const message = cause instanceof Error ? cause.message : String(cause)
  return new ApiProblem(
    502,
    'UPSTREAM_UNREACHABLE',
    write
      ? `The connection to Atlas failed (${message}) before its answer arrived; the change may or may not have been made. Check its state before trying again.`
      : `Atlas could not be reached (${message}). Try again shortly.`,
  )
}
