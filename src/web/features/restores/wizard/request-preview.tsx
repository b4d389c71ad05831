import { IDEMPOTENCY_KEY_HEADER } from '../../../../contract/bff/write-requests'
import { type RestorePlan, requestBody } from './restore-plan'

/** The exact request the submit sends: method, path, Idempotency-Key and JSON body. */
export function RequestPreview({
  plan,
  typedName,
  idempotencyKey,
}: {
  plan: RestorePlan
  typedName: string
  idempotencyKey: string
}) {
  const text = [
    `POST ${plan.path}`,
    `${IDEMPOTENCY_KEY_HEADER}: ${idempotencyKey}`,
    '',
    JSON.stringify(requestBody(plan, typedName), null, 2),
  ].join('\n')
  return (
    <div className="request-preview">
      <h3 id="request-title">Request that will be sent</h3>
      <div
        role="region"
        aria-label="Request that will be sent"
        tabIndex={0}
        className="pre-scroll"
      >
        <pre>{text}</pre>
      </div>
    </div>
  )
}
