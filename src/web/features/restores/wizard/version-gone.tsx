import { explainVersionGone } from '../../../../contract/rules/serverless-restore'
import { ApiError } from '../../../lib/api-error'

/** R5: the serverless backup API's 410 VERSION_GONE, told in words rather than shown raw. */
export function isVersionGoneError(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.errorCode === 'VERSION_GONE' || error.status === 410)
  )
}

export function VersionGoneNotice() {
  return (
    <div className="banner banner-warn" role="alert">
      <p>{explainVersionGone()}</p>
    </div>
  )
}
