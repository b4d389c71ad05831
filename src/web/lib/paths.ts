// Every URL the SPA links to is built here, so routes and links cannot drift apart.
export type DeploymentKindSegment = 'clusters' | 'flex' | 'serverless'

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
  snapshots: (groupId: string, kind: DeploymentKindSegment, name: string) =>
    `/projects/${enc(groupId)}/${kind}/${enc(name)}/snapshots`,
  policy: (groupId: string, name: string) =>
    `/projects/${enc(groupId)}/clusters/${enc(name)}/policy`,
  restores: () => '/restores',
  restoreJob: (
    kind: string,
    groupId: string,
    clusterName: string,
    jobId: string,
  ) =>
    `/restores/${enc(kind)}/${enc(groupId)}/${enc(clusterName)}/${enc(jobId)}`,
  newRestore: (query: Record<string, string | undefined> = {}) =>
    withQuery('/restores/new', query),
  audit: () => '/audit',
} as const

/** Only same-site paths may be returned to after sign-in (no open redirect). */
export function safeReturnTo(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//')
    ? value
    : paths.home()
}
