import { useQuery } from '@tanstack/react-query'

import { projectNamesQuery } from '../../../lib/project-names'
import type { Place } from './job-model'

// Jobs name projects by id; Atlas's project list has their names. Until it arrives, or if it
// fails, the id stands in.

export type ProjectNames = (groupId: string) => string

export function useProjectNames(): ProjectNames {
  const { data } = useQuery(projectNamesQuery())
  return (groupId) => data?.[groupId] ?? groupId
}

/** "payments-prod / payments-rs" */
export function placeLabel(place: Place, names: ProjectNames): string {
  return `${names(place.groupId)} / ${place.name}`
}
