// Versioned media types, one per resource (ATLAS-CONTRACT.md §1, rule A1).
export const atlasApiVersions = {
  projects: '2023-01-01',
  clusters: '2024-08-05',
  schedule: '2024-08-05',
  snapshots: '2023-01-01',
  restoreJobs: '2023-01-01',
  serverless: '2023-01-01',
  flex: '2024-11-13',
} as const
export type AtlasResource = keyof typeof atlasApiVersions

/** The serverless backup endpoints' `x-sunset` (ATLAS-CONTRACT.md §2, R5). */
export const SERVERLESS_SUNSET_DATE = '2026-01-22'

export function mediaType(version: string): string {
  return `application/vnd.atlas.${version}+json`
}

// Media types are case-insensitive (RFC 9110 §8.3.1); parameters may follow.
const VERSIONED_MEDIA_TYPE =
  /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/i

/**
 * The YYYY-MM-DD version of the first Atlas versioned media type in an
 * Accept or Content-Type header, or undefined when there is none (A1: the
 * sandbox refuses such requests).
 */
export function parseMediaTypeVersion(
  header: string | undefined,
): string | undefined {
  if (header === undefined) return undefined
  for (const part of header.split(',')) {
    const type = part.split(';')[0]?.trim() ?? ''
    const version = VERSIONED_MEDIA_TYPE.exec(type)?.[1]
    if (version !== undefined) return version
  }
  return undefined
}
