// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  findOperation,
  loadAtlasSpec,
  resetSpecCache,
  specSkipReason,
  validateResponse,
} from './spec-conformance'

const GROUP = '/api/atlas/v2/groups/5f1a2b3c4d5e6f7a8b9c0d1e'

describe('when the spec file is absent', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    resetSpecCache()
  })

  it('returns a skip reason and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.stubEnv('ATLAS_OPENAPI_SPEC', '/nonexistent/atlas-spec.json')
    resetSpecCache()
    expect(loadAtlasSpec()).toBeUndefined()
    const reason = specSkipReason()
    expect(reason).toBe(
      'official Atlas OpenAPI spec subset not found at ' +
        '/nonexistent/atlas-spec.json; set ATLAS_OPENAPI_SPEC to its path',
    )
    expect(specSkipReason()).toBe(reason)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(findOperation('GET', '/api/atlas/v2/groups')).toBeUndefined()
    const sample = { method: 'GET', path: GROUP, status: 200, body: {} }
    expect(validateResponse(sample)).toEqual({ ok: false, errors: [reason] })
  })

  it('resolves a relative ATLAS_OPENAPI_SPEC against the repo root', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.stubEnv('ATLAS_OPENAPI_SPEC', 'no-such-dir/spec.json')
    resetSpecCache()
    const root = fileURLToPath(new URL('../../', import.meta.url))
    expect(specSkipReason()).toContain(path.join(root, 'no-such-dir/spec.json'))
  })

  it('throws instead of skipping when the file is not an OpenAPI spec', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-spec-'))
    try {
      const file = path.join(dir, 'spec.json')
      writeFileSync(file, JSON.stringify({ openapi: '3.1.0' }))
      vi.stubEnv('ATLAS_OPENAPI_SPEC', file)
      expect(() => loadAtlasSpec()).toThrow(/not a usable OpenAPI 3.0/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.skipIf(!!specSkipReason())('when the spec file is present', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    resetSpecCache()
  })

  it('loads it once and keeps it cached', () => {
    const spec = loadAtlasSpec()
    expect(spec?.openapi).toMatch(/^3\.0\./)
    expect(loadAtlasSpec()).toBe(spec)
    expect(specSkipReason()).toBeUndefined()
  })

  it('reloads when ATLAS_OPENAPI_SPEC changes', () => {
    const first = loadAtlasSpec()
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-spec-'))
    try {
      // A throwaway copy outside the repository (the licence forbids
      // committing the spec), removed straight after.
      const copy = path.join(dir, 'copy.json')
      writeFileSync(copy, JSON.stringify(first))
      vi.stubEnv('ATLAS_OPENAPI_SPEC', copy)
      const second = loadAtlasSpec()
      expect(second).not.toBe(first)
      expect(second).toEqual(first)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
