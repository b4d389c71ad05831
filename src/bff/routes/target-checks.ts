import { type Cluster, clusterSchema } from '../../contract/atlas/cluster'
import {
  type FlexCluster,
  flexClusterSchema,
} from '../../contract/atlas/flex-cluster'
import {
  type ServerlessInstance,
  serverlessInstanceSchema,
} from '../../contract/atlas/serverless'
import type { DeploymentKind } from '../../contract/rules/delivery-type'
import type { AtlasClient } from '../atlas/client'
import { ApiProblem } from '../http/errors'
import { enc, optional } from './write-checks'

export type Deployment =
  | { kind: 'dedicated'; doc: Cluster }
  | { kind: 'flex'; doc: FlexCluster }
  | { kind: 'serverless'; doc: ServerlessInstance }

// Atlas answers a deployment asked for through another kind's API with these codes (the CLI
// tells flex from dedicated clusters by them); to us they mean "not this kind, try the next".
export const WRONG_API = [
  'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
  'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
  'CANNOT_USE_SERVERLESS_INSTANCE_IN_CLUSTER_API',
  'CANNOT_USE_SERVERLESS_INSTANCE_IN_FLEX_API',
]

function load(
  atlas: AtlasClient,
  groupId: string,
  name: string,
  kind: DeploymentKind,
): Promise<Deployment | undefined> {
  const G = `/groups/${enc(groupId)}`
  return optional(async () => {
    switch (kind) {
      case 'dedicated': {
        const path = `${G}/clusters/${enc(name)}`
        const doc = await atlas.request({
          path,
          resource: 'clusters',
          schema: clusterSchema,
        })
        return { kind, doc: doc.body }
      }
      case 'flex': {
        const path = `${G}/flexClusters/${enc(name)}`
        const doc = await atlas.request({
          path,
          resource: 'flex',
          schema: flexClusterSchema,
        })
        return { kind, doc: doc.body }
      }
      case 'serverless': {
        const path = `${G}/serverless/${enc(name)}`
        const doc = await atlas.request({
          path,
          resource: 'serverless',
          schema: serverlessInstanceSchema,
        })
        return { kind, doc: doc.body }
      }
    }
  }, WRONG_API)
}

/** The deployment of that name in the project, whatever its kind, trying kinds in `order`. */
export async function findDeployment(
  atlas: AtlasClient,
  groupId: string,
  name: string,
  order: readonly DeploymentKind[],
): Promise<Deployment | undefined> {
  for (const kind of order) {
    const found = await load(atlas, groupId, name, kind)
    if (found) return found
  }
  return undefined
}

/** The 404 for a restore target that does not exist, on the field that names it. */
export function targetNotFound(
  name: string,
  groupId: string,
  field: string,
): ApiProblem {
  return new ApiProblem(
    404,
    'CLUSTER_NOT_FOUND',
    `There is no cluster ${name} in project ${groupId}.`,
    [{ field, description: 'no such cluster in the target project' }],
  )
}
