// Every URL the SPA links to is built here, so routes and links cannot drift apart.
export type DeploymentKindSegment = 'clusters' | 'flex' | 'serverless'
export type RestoreWizardStep =
  'source' | 'delivery' | 'point-in-time' | 'target' | 'review'

const enc = encodeURIComponent

function withQuery(
  path: string,
  query: Record<string, string | undefined>,
): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, value)
  }
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

export const paths = {
  home: () => '/',
  signIn: (returnTo?: string) =>
    withQuery('/sign-in', {
      returnTo: returnTo && returnTo !== '/' ? returnTo : undefined,
    }),
  snapshots: (
    groupId: string,
    kind: DeploymentKindSegment,
    name: string,
    query: Record<string, string | undefined> = {},
  ) =>
    withQuery(
      `/projects/${enc(groupId)}/${kind}/${enc(name)}/snapshots`,
      query,
    ),
  policy: (groupId: string, name: string) =>
    `/projects/${enc(groupId)}/clusters/${enc(name)}/policy`,
  /** The restore jobs page; its filters (state, cluster, delivery) in the query (issue 7). */
  restores: (query: Record<string, string | undefined> = {}) =>
    withQuery('/restores', query),
  restoreJob: (
    kind: string,
    groupId: string,
    clusterName: string,
    jobId: string,
    query: Record<string, string | undefined> = {},
  ) =>
    withQuery(
      `/restores/${enc(kind)}/${enc(groupId)}/${enc(clusterName)}/${enc(jobId)}`,
      query,
    ),
  newRestore: (query: Record<string, string | undefined> = {}) =>
    withQuery('/restores/new', query),
  /** One step of the restore wizard, its answers so far in the query (issue 7). */
  restoreWizardStep: (
    step: RestoreWizardStep,
    answers: Record<string, string | undefined> = {},
  ) => withQuery(`/restores/new/${step}`, answers),
  /** The audit trail; its filters (actor, action, cluster, from, to, tz) ride in the query. */
  audit: (query: Record<string, string | undefined> = {}) =>
    withQuery('/audit', query),
  users: () => '/users',
} as const

/** The URL segment of each deployment kind: dedicated clusters (replica sets and sharded) live under `clusters`. */
export const kindSegments = {
  dedicated: 'clusters',
  flex: 'flex',
  serverless: 'serverless',
} as const satisfies Record<string, DeploymentKindSegment>

export function kindOfSegment(
  segment: string | undefined,
): keyof typeof kindSegments | undefined {
  const found = Object.entries(kindSegments).find(([, s]) => s === segment)
  return found ? (found[0] as keyof typeof kindSegments) : undefined
}

/** Only same-site paths may be returned to after sign-in (no open redirect). */
export function safeReturnTo(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//')
    ? value
    : paths.home()
}
