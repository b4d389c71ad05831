// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  expectConformsToSpec,
  findOperation,
  specSkipReason,
  validateRequestBody,
  validateResponse,
} from './spec-conformance'

const GROUP = '/api/atlas/v2/groups/5f1a2b3c4d5e6f7a8b9c0d1e'
const ID = '65a1b2c3d4e5f60718293a4b'
const CLUSTER = `${GROUP}/clusters/Cluster0`
const SNAPSHOTS = `${CLUSTER}/backup/snapshots`
const V2023 = 'application/vnd.atlas.2023-01-01+json'

function errorsOf(result: ReturnType<typeof validateResponse>): string[] {
  return result.ok ? [] : result.errors
}

describe.skipIf(!!specSkipReason())('findOperation', () => {
  it.each([
    ['GET', '/api/atlas/v2/groups', 'listGroups'],
    ['GET', GROUP, 'getGroup'],
    ['GET', `${GROUP}/clusters?pageNum=2&itemsPerPage=50`, 'listGroupClusters'],
    ['GET', CLUSTER, 'getGroupCluster'],
    ['GET', SNAPSHOTS, 'listGroupClusterBackupSnapshots'],
    ['post', SNAPSHOTS, 'takeGroupClusterBackupSnapshots'],
    [
      'GET',
      `${SNAPSHOTS}/shardedClusters`,
      'listGroupClusterBackupSnapshotShardedClusters',
    ],
    ['GET', `${SNAPSHOTS}/${ID}`, 'getGroupClusterBackupSnapshot'],
    ['DELETE', `${SNAPSHOTS}/${ID}`, 'deleteGroupClusterBackupSnapshot'],
    [
      'GET',
      `${SNAPSHOTS}/shardedCluster/${ID}`,
      'getGroupClusterBackupSnapshotShardedCluster',
    ],
    ['PATCH', `${CLUSTER}/backup/schedule`, 'updateGroupClusterBackupSchedule'],
    [
      'DELETE',
      `${CLUSTER}/backup/restoreJobs/${ID}`,
      'cancelGroupClusterBackupRestoreJob',
    ],
    [
      'POST',
      `${GROUP}/flexClusters/flex-1/backup/download`,
      'downloadGroupFlexClusterBackup',
    ],
    ['GET', `${GROUP}/flexClusters/flex-1`, 'getGroupFlexCluster'],
    [
      'GET',
      `${GROUP}/serverless/sl-0/backup/restoreJobs/${ID}`,
      'getGroupServerlessBackupRestoreJob',
    ],
    [
      'GET',
      `https://cloud.mongodb.com${GROUP}/flexClusters/?pageNum=1`,
      'listGroupFlexClusters',
    ],
  ])('%s %s -> %s', (method, requestPath, operationId) => {
    expect(findOperation(method, requestPath)?.operationId).toBe(operationId)
  })

  it('extracts and decodes path parameters', () => {
    expect(findOperation('GET', `${SNAPSHOTS}/${ID}`)).toEqual({
      operationId: 'getGroupClusterBackupSnapshot',
      pathTemplate:
        '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}',
      params: {
        groupId: '5f1a2b3c4d5e6f7a8b9c0d1e',
        clusterName: 'Cluster0',
        snapshotId: ID,
      },
    })
    const encoded = findOperation('GET', `${GROUP}/clusters/My%2DCluster`)
    expect(encoded?.params.clusterName).toBe('My-Cluster')
  })

  it.each([
    ['GET', '/api/atlas/v2/orgs'],
    ['GET', `${CLUSTER}/backup/tenant/snapshots`],
    ['PUT', CLUSTER],
    ['GET', `${SNAPSHOTS}/${ID}/extra/segments`],
    ['GET', '/api/atlas/v1.0/groups'],
    ['GET', `${GROUP}//clusters`],
  ])('%s %s -> undefined', (method, requestPath) => {
    expect(findOperation(method, requestPath)).toBeUndefined()
  })
})

describe.skipIf(!!specSkipReason())('bodies that must be rejected', () => {
  it('an ApiError without errorCode', () => {
    const result = validateResponse({
      method: 'GET',
      path: CLUSTER,
      status: 404,
      body: { error: 404, reason: 'Not Found', detail: 'No cluster.' },
      contentType: 'application/json',
    })
    expect(result.ok).toBe(false)
    expect(errorsOf(result)).toEqual([
      "(root) must have required property 'errorCode'",
    ])
  })

  it("a snapshot whose status is 'done'", () => {
    const result = validateResponse({
      method: 'GET',
      path: `${SNAPSHOTS}/${ID}`,
      status: 200,
      body: { id: ID, status: 'done', type: 'replicaSet' },
      contentType: V2023,
    })
    expect(errorsOf(result)).toEqual([
      '/status must be equal to one of the allowed values ("queued", ' +
        '"inProgress", "completed", "failed"), got "done"',
    ])
  })

  it("a restore job with pointInTimeUTCSeconds: 'x'", () => {
    const job = { deliveryType: 'pointInTime', pointInTimeUTCSeconds: 'x' }
    const jobs = `${CLUSTER}/backup/restoreJobs`
    const request = validateRequestBody({
      method: 'POST',
      path: jobs,
      body: job,
    })
    expect(request).toEqual({
      ok: false,
      operationId: 'createGroupClusterBackupRestoreJob',
      errors: ['/pointInTimeUTCSeconds must be integer, got "x"'],
    })
    const response = validateResponse({
      method: 'GET',
      path: `${jobs}/${ID}`,
      status: 200,
      body: { ...job, id: ID },
    })
    expect(errorsOf(response)).toContain(
      '/pointInTimeUTCSeconds must be integer, got "x"',
    )
  })

  it('a paginated list without results', () => {
    const result = validateResponse({
      method: 'GET',
      path: SNAPSHOTS,
      status: 200,
      body: { totalCount: 0, links: [] },
    })
    expect(errorsOf(result)).toEqual([
      "(root) must have required property 'results'",
    ])
  })

  it('a 204 with a body (and accepts an empty one)', () => {
    const sample = { method: 'DELETE', path: `${SNAPSHOTS}/${ID}`, status: 204 }
    expect(validateResponse({ ...sample, body: { deleted: true } }).ok).toBe(
      false,
    )
    expect(validateResponse({ ...sample, body: undefined }).ok).toBe(true)
    expect(validateResponse({ ...sample, body: '' }).ok).toBe(true)
  })

  it('an undeclared status, content type or method', () => {
    const get = { method: 'GET', path: `${SNAPSHOTS}/${ID}`, body: { id: ID } }
    expect(errorsOf(validateResponse({ ...get, status: 418 }))[0]).toMatch(
      /^status 418 is not declared \(declared: 200, 400/,
    )
    const wrongVersion = validateResponse({
      ...get,
      status: 200,
      contentType: 'application/vnd.atlas.2024-08-05+json',
    })
    expect(errorsOf(wrongVersion)[0]).toMatch(/is not declared/)
    expect(
      errorsOf(validateResponse({ ...get, method: 'PUT', status: 200 })),
    ).toEqual([
      `no spec operation for PUT ${get.path} (the path allows GET, DELETE, PATCH)`,
    ])
  })

  it('a copy policy item that breaks its discriminator mapping', () => {
    const schedule = (item: object) => ({
      method: 'GET',
      path: `${CLUSTER}/backup/schedule`,
      status: 200,
      body: {
        policies: [],
        copySettings: [{ zoneId: ID, copyPolicyItems: [item] }],
      },
    })
    const daily = validateResponse(schedule({ frequencyType: 'daily' }))
    const item = '/copySettings/0/copyPolicyItems/0'
    expect(errorsOf(daily)).toEqual([
      `${item} must have required property 'retentionUnit'`,
      `${item} must have required property 'retentionValue'`,
    ])
    const ondemand = schedule({ frequencyType: 'ondemand' })
    expect(validateResponse(ondemand).ok).toBe(true)
  })

  it('a missing required request body', () => {
    const result = validateRequestBody({
      method: 'POST',
      path: `${CLUSTER}/backup/restoreJobs`,
      body: undefined,
    })
    expect(result.ok).toBe(false)
  })

  it('expectConformsToSpec throws a readable list', () => {
    const call = () =>
      expectConformsToSpec({
        method: 'GET',
        path: SNAPSHOTS,
        status: 200,
        body: { results: [{ id: 'nope', status: 'done' }] },
        contentType: V2023,
      })
    expect(call).toThrow(
      `Response 200 of GET ${SNAPSHOTS} (listGroupClusterBackupSnapshots) ` +
        'does not conform to the Atlas spec:\n' +
        '  - /results/0/id must match pattern "^([a-f0-9]{24})$", got "nope"\n',
    )
  })
})

describe.skipIf(!!specSkipReason())('bodies that must be accepted', () => {
  it('an ApiError with null reason, detail and badRequestDetail', () => {
    const body = {
      error: 400,
      errorCode: 'INVALID_PARAMETER',
      reason: null,
      detail: null,
      badRequestDetail: null,
      parameters: [],
    }
    const sample = { method: 'GET', path: CLUSTER, status: 404, body }
    expect(expectConformsToSpec(sample)).toBe('getGroupCluster')
    // Error bodies are declared as application/json; a versioned JSON
    // content type is tolerated for them.
    expect(validateResponse({ ...sample, contentType: V2023 }).ok).toBe(true)
  })

  it("an ApiError whose parameters are strings and numbers, as Atlas's rate-limit example", () => {
    const body = {
      error: 429,
      errorCode: 'RATE_LIMITED_TOKEN_BUCKET',
      detail: 'Rate limit exceeded. Please retry after 55 seconds.',
      reason: 'Too Many Requests',
      parameters: ['api/atlas/v2/groups', 55, 10, 5, 60],
    }
    const sample = { method: 'GET', path: CLUSTER, status: 429, body }
    expect(expectConformsToSpec(sample)).toBe('getGroupCluster')
  })

  it('a cluster with string instance sizes and a null adaptiveCapacity', () => {
    const region = {
      providerName: 'AWS',
      regionName: 'US_EAST_1',
      priority: 7,
      electableSpecs: { instanceSize: 'M10', nodeCount: 3, diskSizeGB: 10 },
      autoScaling: {
        compute: {
          enabled: true,
          maxInstanceSize: 'M40',
          minInstanceSize: 'M10',
        },
      },
    }
    const body = {
      id: ID,
      name: 'Cluster0',
      adaptiveCapacity: null,
      replicationSpecs: [{ regionConfigs: [region] }],
      someFutureField: { added: 'by Atlas' },
    }
    const sample = { method: 'GET', path: CLUSTER, status: 200, body }
    expect(validateResponse(sample)).toEqual({
      ok: true,
      operationId: 'getGroupCluster',
    })
  })

  it('readOnly fields absent from requests, writeOnly ones from responses', () => {
    const jobs = `${GROUP}/flexClusters/flex-1/backup/restoreJobs`
    const create = { snapshotId: ID, targetDeploymentItemName: 'Cluster0' }
    const request = { method: 'POST', path: jobs, body: create }
    expect(validateRequestBody(request).ok).toBe(true)
    const job = { id: ID, status: 'QUEUED', deliveryType: 'RESTORE' }
    const response = { method: 'POST', path: jobs, status: 200, body: job }
    expect(validateResponse(response).ok).toBe(true)
    const restore = { deliveryType: 'automated', snapshotId: ID }
    const raw = JSON.stringify(restore)
    const path2 = `${CLUSTER}/backup/restoreJobs`
    expect(
      validateRequestBody({ method: 'POST', path: path2, body: raw }),
    ).toEqual({ ok: true, operationId: 'createGroupClusterBackupRestoreJob' })
  })
})
