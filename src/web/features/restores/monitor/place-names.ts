import { useQuery } from '@tanstack/react-query'

import { overviewQuery } from '../queries'
import type { Place } from './job-model'

// Jobs name projects by id; the overview (every deployment the console sees) has their names.
// Until it arrives, or if it fails, the id stands in.

export type ProjectNames = (groupId: string) => string

export function useProjectNames(): ProjectNames {
  const overview = useQuery(overviewQuery())
  const rows = overview.data?.rows ?? []
  return (groupId) =>
    rows.find((row) => row.groupId === groupId)?.projectName ??
    overview.data?.projectErrors.find((p) => p.groupId === groupId)
      ?.projectName ??
    groupId
}

/** "payments-prod / payments-rs" */
export function placeLabel(place: Place, names: ProjectNames): string {
  return `${names(place.groupId)} / ${place.name}`
}
