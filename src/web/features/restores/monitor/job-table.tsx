import type { LiveJob } from '../../../../contract/bff/job-events'
import { jobKeyOf } from '../../../../contract/bff/job-events'
import { JobRow } from './job-row'
import type { ProjectNames } from './place-names'

type JobTableProps = {
  jobs: readonly LiveJob[]
  total: number
  names: ProjectNames
  nowMs: number
}

const columns = [
  'State',
  'Source',
  'Delivery type',
  'Target or download',
  'Instant or snapshot',
  'Started',
  'Elapsed or finished',
]

export function JobTable({ jobs, total, names, nowMs }: JobTableProps) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby="jobs-caption"
      tabIndex={0}
    >
      <table className="data-table">
        <caption id="jobs-caption">
          Restore jobs (
          {jobs.length === total ? total : `${jobs.length} of ${total}`}
          ), newest first
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow key={jobKeyOf(job)} job={job} names={names} nowMs={nowMs} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
