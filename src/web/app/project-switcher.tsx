import { useQuery } from '@tanstack/react-query'
import { useLocation, useNavigate, useSearchParams } from 'react-router'

import { paths } from '../lib/paths'
import { projectNamesQuery } from '../lib/project-names'

/** Pages that take the current project as their `project` filter. */
const scopedPaths = new Set([paths.home(), paths.restores(), paths.audit()])

/** The project a page shows: its `project` filter, or the project in its address. */
export function useCurrentProject(): string | undefined {
  const { pathname } = useLocation()
  const [params] = useSearchParams()
  const inPath = /^\/projects\/([^/]+)\//.exec(pathname)?.[1]
  return (
    params.get('project') ?? (inPath ? decodeURIComponent(inPath) : undefined)
  )
}

/** A page's address with the current project carried along. */
export function withCurrentProject(path: string, project: string | undefined) {
  return project ? `${path}?project=${encodeURIComponent(project)}` : path
}

/**
 * Switches the current project: on the cluster list, the restore jobs and the audit trail it
 * is their project filter; from a cluster's own pages it leads to the project's cluster list.
 */
export function ProjectSwitcher() {
  const { pathname } = useLocation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const current = useCurrentProject()
  const { data: names } = useQuery(projectNamesQuery())
  const projects = Object.entries(names ?? {}).sort((a, b) =>
    a[1].localeCompare(b[1]),
  )
  if (current && !projects.some(([id]) => id === current))
    projects.push([current, current])

  const choose = (project: string) => {
    const scoped = scopedPaths.has(pathname)
    const next = new URLSearchParams(scoped ? params : undefined)
    if (project) next.set('project', project)
    else next.delete('project')
    const search = next.toString()
    void navigate(
      `${scoped ? pathname : paths.home()}${search ? `?${search}` : ''}`,
    )
  }

  return (
    <div className="field project-switcher">
      <label htmlFor="current-project">Current project</label>
      <select
        id="current-project"
        value={current ?? ''}
        onChange={(e) => choose(e.target.value)}
      >
        <option value="">All projects</option>
        {projects.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </div>
  )
}
