import type { RestoreJobState } from '../../../../contract/rules/restore-job-state'
import { stateIcons, stateLabels } from './job-states'

/** A job's state as an icon and a word (never colour alone). */
export function StateBadge({ state }: { state: RestoreJobState }) {
  return (
    <span className={`job-state job-state-${state}`}>
      <span aria-hidden="true" className="job-state-icon">
        {stateIcons[state]}
      </span>{' '}
      {stateLabels[state]}
    </span>
  )
}
