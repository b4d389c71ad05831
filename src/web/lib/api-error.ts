import { apiErrorSchema } from '../../contract/atlas/api-error'

export type FieldError = { field: string; description: string }

/** Every failed call to the BFF, typed: Atlas's envelope plus our request id (DESIGN §3). */
export class ApiError extends Error {
  readonly status: number
  readonly errorCode: string
  readonly fields: FieldError[]
  readonly requestId: string | undefined
  /** Seconds, from Retry-After on 429/503. */
  readonly retryAfter: number | undefined

  constructor(init: {
    status: number
    errorCode: string
    detail: string
    fields?: FieldError[]
    requestId?: string | undefined
    retryAfter?: number | undefined
  }) {
    super(init.detail)
    this.name = 'ApiError'
    this.status = init.status
    this.errorCode = init.errorCode
    this.fields = init.fields ?? []
    this.requestId = init.requestId
    this.retryAfter = init.retryAfter
  }

  /** Atlas unreachable, failing or rate limiting: the page keeps its data and shows a banner. */
  get isUpstreamTrouble(): boolean {
    return (
      this.status === 429 ||
      this.status === 502 ||
      this.status === 503 ||
      this.status === 504
    )
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfterHeader = response.headers.get('retry-after')
    const retryAfter =
      retryAfterHeader === null ? undefined : Number(retryAfterHeader)
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = undefined
    }
    const parsed = apiErrorSchema.safeParse(body)
    const requestId =
      typeof body === 'object' && body !== null && 'requestId' in body
        ? String(body.requestId)
        : undefined
    if (!parsed.success) {
      return new ApiError({
        status: response.status,
        errorCode: 'UNEXPECTED_RESPONSE',
        detail: `The server answered ${response.status} ${response.statusText}.`,
        requestId,
        retryAfter,
      })
    }
    return new ApiError({
      status: response.status,
      errorCode: parsed.data.errorCode,
      detail: parsed.data.detail ?? `The server answered ${response.status}.`,
      fields: parsed.data.badRequestDetail?.fields ?? [],
      requestId,
      retryAfter,
    })
  }
}

export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    errorCode: 'NETWORK_ERROR',
    detail: `The Backup Console server could not be reached (${cause instanceof Error ? cause.message : String(cause)}).`,
  })
}
