import { paginatedClustersSchema } from '../../contract/atlas/cluster'
import { paginatedFlexClustersSchema } from '../../contract/atlas/flex-cluster'
import { paginatedGroupsSchema } from '../../contract/atlas/group'
import { paginatedServerlessInstancesSchema } from '../../contract/atlas/serverless'
import type { Overview, OverviewRow } from '../../contract/bff/overview'
import { ApiProblem } from '../http/errors'
import { dedicatedRow } from './dedicated-row'
import { flexRow } from './flex-row'
import { type Reader, readAll } from './reader'
import { type Project, emptyRow, errorMessage, valueOf } from './row'
import { serverlessRow } from './serverless-row'

const enc = encodeURIComponent

type ProjectResult = {
  rows: OverviewRow[]
  error: { groupId: string; projectName: string; error: string } | undefined
}

const named = <T extends { name?: string | undefined }>(
  items: T[],
): (T & { name: string })[] =>
  items.filter((i): i is T & { name: string } => i.name !== undefined)

/** A row that failed outright still shows, with what the list said and the error. */
function guarded(
  project: Project,
  name: string,
  kind: OverviewRow['kind'],
  build: () => Promise<OverviewRow>,
): Promise<OverviewRow> {
  return build().catch((error: unknown) => ({
    ...emptyRow(project, name, kind),
    problems: ['unreachable'],
    error: errorMessage(error),
  }))
}

async function serverlessList(reader: Reader, base: string) {
  try {
    return await readAll(
      reader,
      `${base}/serverless`,
      'serverless',
      paginatedServerlessInstancesSchema,
    )
  } catch (error) {
    // R5: after the sunset, former serverless instances are listed as Flex clusters.
    if (error instanceof ApiProblem && error.status === 410) return []
    throw error
  }
}

async function projectRows(
  reader: Reader,
  project: Project,
): Promise<ProjectResult> {
  const base = `/groups/${enc(project.id)}`
  const [clusters, flex, serverless] = await Promise.allSettled([
    readAll(reader, `${base}/clusters`, 'clusters', paginatedClustersSchema),
    readAll(
      reader,
      `${base}/flexClusters`,
      'flex',
      paginatedFlexClustersSchema,
    ),
    serverlessList(reader, base),
  ])
  const errors: unknown[] = []
  const flexClusters = named(valueOf(flex, errors) ?? [])
  // Until 2026 the cluster list also holds Flex clusters made through it or migrated from
  // M2/M5, and migrated serverless instances are Flex too (§2): one row each, as Flex.
  const isFlex = new Set(flexClusters.map((c) => c.name))
  const notFlex = <T extends { name: string }>(items: T[]) =>
    items.filter((i) => !isFlex.has(i.name))
  const rows = await Promise.all([
    ...notFlex(named(valueOf(clusters, errors) ?? [])).map((c) =>
      guarded(project, c.name, 'dedicated', () =>
        dedicatedRow(reader, project, c),
      ),
    ),
    ...flexClusters.map((c) =>
      guarded(project, c.name, 'flex', () => flexRow(reader, project, c)),
    ),
    ...notFlex(named(valueOf(serverless, errors) ?? [])).map((i) =>
      guarded(project, i.name, 'serverless', () =>
        serverlessRow(reader, project, i),
      ),
    ),
  ])
  const first = errors[0]
  return {
    rows,
    error:
      first === undefined
        ? undefined
        : {
            groupId: project.id,
            projectName: project.name,
            error: errorMessage(first),
          },
  }
}

export async function composeOverview(reader: Reader): Promise<Overview> {
  // The project list is the one read that fails the whole overview (a 429 or 503 included):
  // without it there is nothing to show.
  const groups = await readAll(
    reader,
    '/groups',
    'projects',
    paginatedGroupsSchema,
  )
  const projects = groups.flatMap((g) =>
    g.id ? [{ id: g.id, name: g.name }] : [],
  )
  const results = await Promise.all(projects.map((p) => projectRows(reader, p)))
  const rows = results
    .flatMap((r) => r.rows)
    .sort(
      (a, b) =>
        a.projectName.localeCompare(b.projectName) ||
        a.name.localeCompare(b.name),
    )
  const count = (problem: OverviewRow['problems'][number]) =>
    rows.filter((r) => r.problems.includes(problem)).length
  return {
    fetchedAt: reader.atlas.upstreamNow().toISOString(),
    rows,
    projectErrors: results.flatMap((r) => (r.error ? [r.error] : [])),
    summary: {
      clusters: rows.length,
      stale: count('stale'),
      failed: count('failed'),
      backupOff: count('backup-off'),
      unreachable: count('unreachable'),
      activeRestores: rows.reduce((n, r) => n + (r.activeRestores ?? 0), 0),
    },
  }
}
