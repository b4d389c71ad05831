import type { LiveJob } from '../../../../contract/bff/job-events'
import type { RestoreJob } from '../../../../contract/atlas/restore-job'

// LiveJob builders for the monitor's tests: a dedicated job whose id carries `startedAt`.

export const GROUP = '6650a1b2c3d4e5f600000001'

/** An ObjectId whose timestamp is `atMs` (whole seconds) and whose tail is `tail`. */
function objectIdAt(atMs: number, tail = 1): string {
  const seconds = Math.floor(atMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return `${seconds}${tail.toString(16).padStart(16, '0')}`
}

export function dedicatedJob(
  startedAt: number,
  doc: Partial<RestoreJob> & Pick<RestoreJob, 'deliveryType'>,
  overrides: Partial<Omit<LiveJob, 'kind' | 'doc'>> = {},
  tail = 1,
): LiveJob {
  const jobId = objectIdAt(startedAt, tail)
  return {
    kind: 'dedicated',
    groupId: GROUP,
    clusterName: 'payments-rs',
    jobId,
    state: 'inProgress',
    createdAt: new Date(startedAt).toISOString(),
    createdBy: 'admin',
    updatedAt: null,
    checkedAt: null,
    watching: true,
    stale: false,
    problem: null,
    ...overrides,
    doc: { id: jobId, ...doc },
  }
}

/** A finished automated restore that took `durationMs`. */
export function finishedJob(
  startedAt: number,
  durationMs: number,
  deliveryType: RestoreJob['deliveryType'] = 'automated',
  tail = 1,
): LiveJob {
  return dedicatedJob(
    startedAt,
    {
      deliveryType,
      finishedAt: new Date(startedAt + durationMs).toISOString(),
    },
    { state: deliveryType === 'download' ? 'downloadReady' : 'completed' },
    tail,
  )
}
