import { Link } from 'react-router'

import { paths } from '../../../lib/paths'

type RoleRefusalProps = {
  /** The BFF's 403 detail, e.g. "Reading the audit trail needs the admin role; you are signed in as viewer." */
  detail: string
}

/** A page only admins may use, opened by someone else: why, and a way on (R9). */
export function RoleRefusal({ detail }: RoleRefusalProps) {
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>Not available to your role.</strong> {detail}
      </p>
      <p>
        An admin can change your role on the Users page.{' '}
        <Link to={paths.home()}>Back to the clusters</Link>
      </p>
    </div>
  )
}
