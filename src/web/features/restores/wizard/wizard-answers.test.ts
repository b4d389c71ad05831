import { describe, expect, it } from 'vitest'

import {
  answersQuery,
  firstUnansweredStep,
  parseAnswers,
  reviseAnswers,
  stepsFor,
} from './wizard-answers'

const G = '6650a1b2c3d4e5f600000001'
const S = '6b03d660c395881c367d55ed'

describe('wizard answers in the URL', () => {
  it('reads the snapshot browser link (kind=clusters) as a snapshot of a dedicated cluster', () => {
    const answers = parseAnswers(
      new URLSearchParams(
        `groupId=${G}&kind=dedicated&cluster=payments-rs&snapshotId=${S}`,
      ),
    )
    expect(answers).toMatchObject({
      groupId: G,
      kind: 'dedicated',
      cluster: 'payments-rs',
      from: 'snapshot',
      snapshotId: S,
    })
    expect(parseAnswers(new URLSearchParams('kind=clusters')).kind).toBe(
      'dedicated',
    )
    expect(firstUnansweredStep(answers)).toBe('delivery')
  })

  it('round-trips through the query and ignores junk', () => {
    const answers = {
      groupId: G,
      kind: 'dedicated' as const,
      cluster: 'payments-rs',
      from: 'pointInTime' as const,
      delivery: 'pointInTime' as const,
      pit: 'oplog' as const,
      oplogTs: 1772020800,
      oplogInc: 3,
      targetGroupId: G,
      target: 'payments-staging',
    }
    const query = new URLSearchParams(
      Object.entries(answersQuery(answers)).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, v]],
      ),
    )
    expect(parseAnswers(query)).toMatchObject(answers)
    expect(
      parseAnswers(new URLSearchParams('delivery=restore&at=soon&kind=x')),
    ).toMatchObject({ delivery: undefined, at: undefined, kind: undefined })
  })

  it('has a point-in-time step only for pointInTime, and no target for downloads', () => {
    expect(stepsFor({ delivery: 'automated' })).toEqual([
      'source',
      'delivery',
      'target',
      'review',
    ])
    expect(stepsFor({ from: 'pointInTime' })).toEqual([
      'source',
      'delivery',
      'point-in-time',
      'target',
      'review',
    ])
    expect(stepsFor({ delivery: 'download' })).toEqual([
      'source',
      'delivery',
      'review',
    ])
  })
})

describe('reviseAnswers', () => {
  const full = {
    groupId: G,
    kind: 'dedicated' as const,
    cluster: 'payments-rs',
    from: 'pointInTime' as const,
    delivery: 'pointInTime' as const,
    pit: 'date' as const,
    at: 1772020800,
    zone: 'utc' as const,
    targetGroupId: G,
    target: 'payments-staging',
  }

  it('keeps later answers when a step is answered again unchanged', () => {
    expect(reviseAnswers(full, { delivery: 'pointInTime' })).toEqual(full)
  })

  it('voids everything after a changed source', () => {
    const next = reviseAnswers(full, {
      cluster: 'payments-sharded',
      from: 'pointInTime',
      delivery: 'pointInTime',
    })
    expect(next).toMatchObject({
      cluster: 'payments-sharded',
      delivery: 'pointInTime',
      at: undefined,
      target: undefined,
    })
  })

  it('drops the instant when the delivery type changes, and the target for a download', () => {
    const snapshot = reviseAnswers(full, {
      from: 'snapshot',
      snapshotId: S,
    })
    expect(snapshot).toMatchObject({ delivery: undefined, at: undefined })
    const download = reviseAnswers(snapshot, { delivery: 'download' })
    expect(download).toMatchObject({
      delivery: 'download',
      target: undefined,
      targetGroupId: undefined,
    })
  })
})
