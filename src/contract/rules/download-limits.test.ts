import { describe, expect, it } from 'vitest'
import {
  checkDownloadLimits,
  countActiveDownloads,
  isActiveDownload,
} from './download-limits'
import type { DownloadJobInput } from './download-limits'

const now = new Date('2026-03-01T12:00:00Z')
const download = (
  fields: Partial<DownloadJobInput> = {},
): DownloadJobInput => ({
  deliveryType: 'download',
  snapshotId: 'a',
  ...fields,
})

describe('R3 checkDownloadLimits', () => {
  it('allows the first download of a snapshot and the 20th of a project', () => {
    expect(checkDownloadLimits({ forSnapshot: 0, inProject: 19 })).toEqual({
      ok: true,
    })
  })

  it('refuses a second download of the same snapshot', () => {
    expect(checkDownloadLimits({ forSnapshot: 1, inProject: 1 })).toMatchObject(
      {
        ok: false,
        field: 'snapshotId',
        errorCode: 'SNAPSHOT_DOWNLOAD_IN_PROGRESS',
      },
    )
  })

  it('refuses the 21st download of a project, naming the limit', () => {
    const result = checkDownloadLimits({ forSnapshot: 0, inProject: 20 })
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'PROJECT_DOWNLOAD_LIMIT_REACHED',
    })
    expect(!result.ok && result.reason).toMatch(/at most 20 at a time/)
  })
})

describe('active downloads', () => {
  it('counts ready links but not finished-off or other jobs', () => {
    expect(isActiveDownload(download(), now)).toBe(true)
    expect(isActiveDownload(download({ failed: true }), now)).toBe(false)
    expect(isActiveDownload(download({ cancelled: true }), now)).toBe(false)
    expect(isActiveDownload(download({ expired: true }), now)).toBe(false)
    expect(isActiveDownload(download({ expiresAt: now }), now)).toBe(false)
    expect(
      isActiveDownload(
        download({ expiresAt: new Date(now.getTime() + 1000) }),
        now,
      ),
    ).toBe(true)
    expect(
      isActiveDownload({ deliveryType: 'automated', snapshotId: 'a' }, now),
    ).toBe(false)
  })

  it('counts per snapshot and per project', () => {
    const jobs = [
      download({ snapshotId: 'a' }),
      download({ snapshotId: 'b' }),
      download({ snapshotId: 'a', expired: true }),
      { deliveryType: 'automated' as const, snapshotId: 'a' },
    ]
    expect(countActiveDownloads(jobs, 'a', now)).toEqual({
      forSnapshot: 1,
      inProject: 2,
    })
    expect(countActiveDownloads(jobs, 'c', now)).toEqual({
      forSnapshot: 0,
      inProject: 2,
    })
  })
})
