import {
  type DeliveryType,
  deliveryTypes,
} from '../../../../contract/atlas/common'
import type { LiveJob } from '../../../../contract/bff/job-events'
import {
  type RestoreJobState,
  restoreJobStates,
} from '../../../../contract/rules/restore-job-state'
import { type Place, deliveryOf, targetOf } from './job-model'
import { shownState } from './job-states'

// The restore jobs page's filters live in the URL (deep links, back/forward, reload keep them);
// unset filters are left out, so the plain page has a clean address. Other keys (tz) are kept.

export type JobListParams = {
  state: RestoreJobState | undefined
  /** `groupId/name` of a deployment the job restores from or onto. */
  cluster: string | undefined
  delivery: DeliveryType | undefined
  /** A project's groupId: jobs restoring from or onto one of its deployments. */
  project: string | undefined
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return (values as readonly (string | null)[]).includes(value)
    ? (value as T)
    : undefined
}

export function parseJobListParams(params: URLSearchParams): JobListParams {
  return {
    state: oneOf(restoreJobStates, params.get('state')),
    cluster: params.get('cluster') || undefined,
    delivery: oneOf(deliveryTypes, params.get('delivery')),
    project: params.get('project') || undefined,
  }
}

export function withJobListParams(
  params: URLSearchParams,
  change: Partial<JobListParams>,
): URLSearchParams {
  const next = { ...parseJobListParams(params), ...change }
  const updated = new URLSearchParams(params)
  for (const key of ['state', 'cluster', 'delivery', 'project'] as const) {
    const value = next[key]
    if (value === undefined) updated.delete(key)
    else updated.set(key, value)
  }
  return updated
}

export const placeKey = (place: Place) => `${place.groupId}/${place.name}`

export function sourceOf(job: LiveJob): Place {
  return { groupId: job.groupId, name: job.clusterName }
}

/** Every deployment the jobs restore from or onto, once each. */
export function placesOf(jobs: readonly LiveJob[]): Place[] {
  const byKey = new Map<string, Place>()
  for (const job of jobs) {
    for (const place of [sourceOf(job), targetOf(job)]) {
      if (place) byKey.set(placeKey(place), place)
    }
  }
  return [...byKey.values()]
}

export function filterJobs(
  jobs: readonly LiveJob[],
  params: JobListParams,
  nowMs: number,
): LiveJob[] {
  return jobs.filter((job) => {
    if (params.state && shownState(job, nowMs) !== params.state) return false
    if (params.delivery && deliveryOf(job) !== params.delivery) return false
    if (
      params.project &&
      job.groupId !== params.project &&
      targetOf(job)?.groupId !== params.project
    )
      return false
    if (params.cluster) {
      const target = targetOf(job)
      const involved = [placeKey(sourceOf(job)), target && placeKey(target)]
      if (!involved.includes(params.cluster)) return false
    }
    return true
  })
}

export function isFiltered(params: JobListParams): boolean {
  return Boolean(
    params.state ?? params.cluster ?? params.delivery ?? params.project,
  )
}
