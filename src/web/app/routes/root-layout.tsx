import { useQuery } from '@tanstack/react-query'
import { NavLink, Outlet, useNavigate } from 'react-router'

import { paths } from '../../lib/paths'
import { sessionQuery, useSignOut } from '../../lib/session'
import {
  ProjectSwitcher,
  useCurrentProject,
  withCurrentProject,
} from '../project-switcher'

export function RootLayout() {
  const { data: operator } = useQuery(sessionQuery())
  const signOut = useSignOut()
  const navigate = useNavigate()
  const project = useCurrentProject()
  const scoped = (path: string) => withCurrentProject(path, project)

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to={paths.home()} className="app-title">
          Backup Console
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink to={scoped(paths.home())} end>
                Clusters
              </NavLink>
            </li>
            <li>
              <NavLink to={scoped(paths.restores())}>Restores</NavLink>
            </li>
            {operator?.role === 'admin' ? (
              <li>
                <NavLink to={scoped(paths.audit())}>Audit</NavLink>
              </li>
            ) : null}
            {operator?.role === 'admin' ? (
              <li>
                <NavLink to={paths.users()}>Users</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        {operator ? <ProjectSwitcher /> : null}
        {operator ? (
          <div className="operator">
            <span>
              Signed in as <strong>{operator.name}</strong> ({operator.role})
            </span>
            <button
              type="button"
              className="button"
              onClick={() =>
                signOut.mutate(undefined, {
                  onSettled: () => void navigate(paths.signIn()),
                })
              }
            >
              Sign out
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
