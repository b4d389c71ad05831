import type { RestoreJobCreate } from '../../contract/atlas/restore-job'

/** Only the fields Atlas defines go upstream: the request schema is loose, ours must not be. */
export function restoreCheckedBody(parsed: RestoreJobCreate): RestoreJobCreate {
  const body: RestoreJobCreate = { deliveryType: parsed.deliveryType }
  for (const field of [
    'snapshotId',
    'targetGroupId',
    'targetClusterName',
    'pointInTimeUTCSeconds',
    'oplogTs',
    'oplogInc',
  ] as const) {
    const value = parsed[field]
    if (value !== undefined) Object.assign(body, { [field]: value })
  }
  return body
}
