import { overviewQuery } from '../../features/restores/queries'
import { RestoreWizard } from '../../features/restores/wizard/restore-wizard'
import { queryClient } from '../query-client'

/** Starts the deployments read as the route loads (not awaited: each step shows its loading). */
export function restoreWizardLoader() {
  queryClient.query(overviewQuery()).catch(() => undefined)
  return null
}

/** /restores/new/:step — the restore wizard (issue 7). */
export function RestoreWizardRoute() {
  return <RestoreWizard />
}
