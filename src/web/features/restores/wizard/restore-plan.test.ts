import { describe, expect, it } from 'vitest'

import { buildRestorePlan, requestBody } from './restore-plan'

const G = '6650a1b2c3d4e5f600000001'
const T = '6650a1b2c3d4e5f600000003'
const S = '6b03d660c395881c367d55ed'

describe('buildRestorePlan: the exact request', () => {
  it('sends a date-time point in time with its targets and the typed name', () => {
    const plan = buildRestorePlan({
      groupId: G,
      kind: 'dedicated',
      cluster: 'payments-rs',
      from: 'pointInTime',
      delivery: 'pointInTime',
      pit: 'date',
      at: 1772020800,
      targetGroupId: G,
      target: 'payments-staging',
    })
    expect(plan?.path).toBe(
      `/api/atlas/v2/groups/${G}/clusters/payments-rs/backup/restoreJobs`,
    )
    expect(plan && requestBody(plan, 'payments-staging')).toEqual({
      deliveryType: 'pointInTime',
      targetGroupId: G,
      targetClusterName: 'payments-staging',
      pointInTimeUTCSeconds: 1772020800,
      confirmTargetName: 'payments-staging',
    })
    expect(plan?.refusals).toEqual([])
  })

  it('sends an oplog pair and never a stale date-time alongside it (R4)', () => {
    const plan = buildRestorePlan({
      groupId: G,
      kind: 'dedicated',
      cluster: 'payments-rs',
      delivery: 'pointInTime',
      pit: 'oplog',
      at: 1772020800,
      oplogTs: 1772020801,
      oplogInc: 2,
      targetGroupId: G,
      target: 'payments-staging',
    })
    expect(plan?.body).toMatchObject({ oplogTs: 1772020801, oplogInc: 2 })
    expect(plan?.body).not.toHaveProperty('pointInTimeUTCSeconds')
  })

  it('sends a download without targets or confirmation (R3)', () => {
    const plan = buildRestorePlan({
      groupId: G,
      kind: 'dedicated',
      cluster: 'payments-rs',
      snapshotId: S,
      delivery: 'download',
      targetGroupId: G,
      target: 'payments-staging',
    })
    expect(plan && requestBody(plan, 'ignored')).toEqual({
      deliveryType: 'download',
      snapshotId: S,
    })
    expect(plan?.destructive).toBe(false)
  })

  it('sends a Flex restore in the Flex shape (R6)', () => {
    const plan = buildRestorePlan({
      groupId: G,
      kind: 'flex',
      cluster: 'reports-flex',
      snapshotId: S,
      delivery: 'automated',
      targetGroupId: T,
      target: 'scratch-flex',
    })
    expect(plan?.jobKind).toBe('flex')
    expect(plan?.path).toBe(
      `/api/atlas/v2/groups/${G}/flexClusters/reports-flex/backup/restoreJobs`,
    )
    expect(plan && requestBody(plan, 'scratch-flex')).toEqual({
      snapshotId: S,
      targetDeploymentItemName: 'scratch-flex',
      targetProjectId: T,
      confirmTargetName: 'scratch-flex',
    })
  })
})
