import { describe, expect, it } from 'vitest'
import {
  SERVERLESS_SUNSET_DATE,
  atlasApiVersions,
  mediaType,
  parseMediaTypeVersion,
} from './versions'

describe('atlasApiVersions', () => {
  it('pins the version of each resource (ATLAS-CONTRACT §1)', () => {
    expect(atlasApiVersions.projects).toBe('2023-01-01')
    expect(atlasApiVersions.clusters).toBe('2024-08-05')
    expect(atlasApiVersions.schedule).toBe('2024-08-05')
    expect(atlasApiVersions.snapshots).toBe('2023-01-01')
    expect(atlasApiVersions.restoreJobs).toBe('2023-01-01')
    expect(atlasApiVersions.serverless).toBe('2023-01-01')
    expect(atlasApiVersions.flex).toBe('2024-11-13')
    expect(SERVERLESS_SUNSET_DATE).toBe('2026-01-22')
  })
})

describe('mediaType', () => {
  it('builds the versioned Atlas media type', () => {
    expect(mediaType('2024-08-05')).toBe(
      'application/vnd.atlas.2024-08-05+json',
    )
  })

  it('round-trips through parseMediaTypeVersion for every resource', () => {
    for (const version of Object.values(atlasApiVersions)) {
      expect(parseMediaTypeVersion(mediaType(version))).toBe(version)
    }
  })
})

describe('parseMediaTypeVersion', () => {
  it('reads a bare versioned media type', () => {
    expect(parseMediaTypeVersion('application/vnd.atlas.2023-01-01+json')).toBe(
      '2023-01-01',
    )
  })

  it('ignores parameters after the type', () => {
    expect(
      parseMediaTypeVersion(
        'application/vnd.atlas.2024-11-13+json; charset=utf-8',
      ),
    ).toBe('2024-11-13')
  })

  it('finds the versioned type among several', () => {
    expect(
      parseMediaTypeVersion(
        'application/json, application/vnd.atlas.2024-08-05+json;q=0.9, */*',
      ),
    ).toBe('2024-08-05')
  })

  it('takes the first of two versioned types', () => {
    expect(
      parseMediaTypeVersion(
        'application/vnd.atlas.2023-01-01+json,application/vnd.atlas.2024-08-05+json',
      ),
    ).toBe('2023-01-01')
  })

  it('treats the type as case-insensitive', () => {
    expect(parseMediaTypeVersion('Application/VND.Atlas.2023-01-01+JSON')).toBe(
      '2023-01-01',
    )
  })

  it('returns undefined when no version is given', () => {
    expect(parseMediaTypeVersion(undefined)).toBeUndefined()
    expect(parseMediaTypeVersion('')).toBeUndefined()
    expect(parseMediaTypeVersion('application/json')).toBeUndefined()
    expect(parseMediaTypeVersion('*/*')).toBeUndefined()
    expect(
      parseMediaTypeVersion('application/vnd.atlas.preview+json'),
    ).toBeUndefined()
  })

  it('refuses malformed dates and other suffixes', () => {
    expect(
      parseMediaTypeVersion('application/vnd.atlas.2023-1-01+json'),
    ).toBeUndefined()
    expect(
      parseMediaTypeVersion('application/vnd.atlas.2023-01-01+xml'),
    ).toBeUndefined()
    expect(
      parseMediaTypeVersion('text/vnd.atlas.2023-01-01+json'),
    ).toBeUndefined()
  })
})
