import { describe, expect, it } from 'vitest'
import {
  checkCancelFlexRestore,
  checkCancelRestore,
  explainCancelNotAllowed,
  flexRestoreJobState,
  isRestoreJobFinished,
  restoreJobOutcome,
  restoreJobState,
} from './restore-job-state'
import type { RestoreJobInput } from './restore-job-state'

const automated = (fields: Partial<RestoreJobInput> = {}): RestoreJobInput => ({
  deliveryType: 'automated',
  cancelled: false,
  failed: false,
  expired: false,
  ...fields,
})
const download = (fields: Partial<RestoreJobInput> = {}) =>
  automated({ deliveryType: 'download', ...fields })

describe('R10 restoreJobState', () => {
  it('is in progress while no flag, finishedAt or URL says otherwise', () => {
    expect(restoreJobState(automated())).toBe('inProgress')
    expect(restoreJobState({ deliveryType: 'pointInTime' })).toBe('inProgress')
    expect(restoreJobState(automated({ finishedAt: null }))).toBe('inProgress')
    expect(restoreJobState(download({ deliveryUrl: [] }))).toBe('inProgress')
    expect(restoreJobState(download({ deliveryUrl: [''] }))).toBe('inProgress')
    expect(isRestoreJobFinished(automated())).toBe(false)
    expect(restoreJobOutcome(automated())).toBeUndefined()
  })

  it.each([
    ['failed', { failed: true }],
    ['cancelled', { cancelled: true }],
    ['expired', { expired: true }],
  ] as const)('is %s when that flag is set', (state, flag) => {
    expect(restoreJobState(automated(flag))).toBe(state)
    expect(isRestoreJobFinished(automated(flag))).toBe(true)
    expect(restoreJobOutcome(automated(flag))).toBe(state)
  })

  it('is completed once finishedAt is set', () => {
    const job = automated({ finishedAt: '2026-03-01T12:00:00Z' })
    expect(restoreJobState(job)).toBe('completed')
    expect(restoreJobOutcome(job)).toBe('success')
  })

  it('is downloadReady once a download has a URL, even without finishedAt', () => {
    const job = download({ deliveryUrl: ['https://restore.example/x.tar.gz'] })
    expect(restoreJobState(job)).toBe('downloadReady')
    expect(restoreJobOutcome(job)).toBe('success')
  })

  it('ignores deliveryUrl on an automated job', () => {
    expect(restoreJobState(automated({ deliveryUrl: ['https://x'] }))).toBe(
      'inProgress',
    )
  })

  it('ranks outcomes failed → expired → cancelled → success', () => {
    const finishedAt = '2026-03-01T12:00:00Z'
    expect(
      restoreJobState(
        automated({ failed: true, expired: true, cancelled: true, finishedAt }),
      ),
    ).toBe('failed')
    expect(
      restoreJobState(
        automated({ expired: true, cancelled: true, finishedAt }),
      ),
    ).toBe('expired')
    expect(restoreJobState(automated({ cancelled: true, finishedAt }))).toBe(
      'cancelled',
    )
    expect(
      restoreJobState(download({ expired: true, deliveryUrl: ['https://x'] })),
    ).toBe('expired')
  })
})

describe('R10 flexRestoreJobState', () => {
  const now = new Date('2026-03-01T12:00:00Z')

  it('maps the Flex statuses', () => {
    expect(flexRestoreJobState({ status: 'PENDING' }, now)).toBe('queued')
    expect(flexRestoreJobState({ status: 'QUEUED' }, now)).toBe('queued')
    expect(flexRestoreJobState({ status: 'RUNNING' }, now)).toBe('inProgress')
    expect(flexRestoreJobState({ status: 'FAILED' }, now)).toBe('failed')
    expect(
      flexRestoreJobState(
        { status: 'COMPLETED', deliveryType: 'RESTORE' },
        now,
      ),
    ).toBe('completed')
  })

  it('shows a completed download as ready until its link expires', () => {
    const job = {
      status: 'COMPLETED',
      deliveryType: 'DOWNLOAD',
      snapshotUrl: 'https://flex.example/s.tar.gz',
      expirationDate: new Date('2026-03-01T13:00:00Z'),
    } as const
    expect(flexRestoreJobState(job, now)).toBe('downloadReady')
    expect(flexRestoreJobState(job, new Date('2026-03-01T13:00:00Z'))).toBe(
      'expired',
    )
  })
})

describe('R10 cancel', () => {
  it('offers cancel while the job runs', () => {
    expect(checkCancelRestore(automated())).toEqual({ ok: true })
  })

  it('refuses cancel of a finished job, saying how it ended', () => {
    const result = checkCancelRestore(automated({ failed: true }))
    expect(result).toEqual({
      ok: false,
      reason:
        'This restore job has already finished (it is failed); there is nothing to cancel',
      errorCode: 'RESTORE_JOB_ALREADY_FINISHED',
    })
    const ready = checkCancelRestore(download({ deliveryUrl: ['https://x'] }))
    expect(!ready.ok && ready.reason).toMatch(/its download link is ready/)
  })

  it('never offers cancel for Flex', () => {
    expect(checkCancelFlexRestore().ok).toBe(false)
  })

  it('explains a 405 in plain words', () => {
    expect(
      explainCancelNotAllowed(
        'ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED',
      ),
    ).toMatch(/sharded cluster cannot be cancelled once it has started/)
    expect(explainCancelNotAllowed()).toMatch(
      /^Atlas refused to cancel this restore job\./,
    )
  })
})
