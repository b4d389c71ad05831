import { Link, Outlet } from 'react-router'

import { paths } from '../../lib/paths'

export function RootLayout() {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={paths.home()} className="app-title">
          Backup Console
        </Link>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
