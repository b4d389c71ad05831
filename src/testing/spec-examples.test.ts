// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { AtlasSpec } from './spec-conformance'
import {
  findOperation,
  loadAtlasSpec,
  specSkipReason,
  validateRequestBody,
  validateResponse,
} from './spec-conformance'
import type { ExampleCase } from './spec-examples'
import { collectExampleCases, samplePath } from './spec-examples'
import { listOperations } from './spec-operations'

function requireSpec(): AtlasSpec {
  const spec = loadAtlasSpec()
  if (!spec) throw new Error(specSkipReason())
  return spec
}

function validate(sample: ExampleCase) {
  return sample.direction === 'request'
    ? validateRequestBody(sample)
    : validateResponse({ ...sample, status: sample.status ?? 0 })
}

describe.skipIf(!!specSkipReason())('the spec against itself', () => {
  it('maps every operation back to its own template', () => {
    const operations = listOperations(requireSpec())
    expect(operations).toHaveLength(32)
    for (const op of operations) {
      const match = findOperation(op.method, samplePath(op.pathTemplate))
      expect(match?.operationId, `${op.method} ${op.pathTemplate}`).toBe(
        op.operationId,
      )
    }
  })

  it('accepts every example body the spec yields', () => {
    const spec = requireSpec()
    const cases = collectExampleCases(spec)
    const failures = cases.flatMap((sample) => {
      const result = validate(sample)
      if (result.ok) return []
      const where = `${sample.direction} ${sample.operationId} ${sample.status ?? ''}`
      return [`${where} (${sample.source}): ${result.errors.join('; ')}`]
    })
    const count = (source: string, direction: string) =>
      cases.filter((c) => c.source === source && c.direction === direction)
        .length
    console.info(
      `[spec-conformance] validated ${cases.length} spec examples: ` +
        `${count('media example', 'response')} media-level response ` +
        `examples, ${count('assembled', 'response')} assembled response ` +
        `bodies, ${count('assembled', 'request')} assembled request bodies`,
    )
    expect(failures).toEqual([])

    // Coverage: every success body and every request body was exercised.
    const operations = listOperations(spec)
    const withRequestBody = operations.filter(
      (op) => op.operation.requestBody !== undefined,
    )
    const requestCases = cases.filter((c) => c.direction === 'request')
    expect(new Set(requestCases.map((c) => c.operationId)).size).toBe(
      withRequestBody.length,
    )
    const successCases = cases.filter(
      (c) => c.direction === 'response' && c.status === 200,
    )
    const withSuccessBody = operations.filter((op) =>
      findSuccessSchema(op.operation),
    )
    expect(new Set(successCases.map((c) => c.operationId)).size).toBe(
      withSuccessBody.length,
    )
  })

  it('rejects each top-level property of those bodies when mistyped', () => {
    // Guards against a vacuous validator (e.g. a $ref resolving to {}).
    const cases = collectExampleCases(requireSpec()).filter(
      (c) => c.source === 'assembled',
    )
    const accepted: string[] = []
    let mutations = 0
    for (const sample of cases) {
      const body = sample.body
      if (typeof body !== 'object' || body === null) continue
      for (const [key, value] of Object.entries(body)) {
        const wrong = typeof value === 'string' ? 12345 : `not-${typeof value}`
        mutations++
        const result = validate({ ...sample, body: { ...body, [key]: wrong } })
        if (result.ok) accepted.push(`${sample.operationId} ${key}`)
      }
    }
    expect(accepted).toEqual([])
    expect(mutations).toBeGreaterThan(500)
  })

  it('assembled bodies are not trivially empty', () => {
    const cases = collectExampleCases(requireSpec())
    const snapshot = cases.find(
      (c) =>
        c.operationId === 'getGroupClusterBackupSnapshot' && c.status === 200,
    )
    expect(snapshot?.body).toMatchObject({
      id: '32b6e34b3d91647abb20e7b8',
      status: 'queued',
    })
  })
})

function findSuccessSchema(operation: Record<string, unknown>): boolean {
  const responses = operation.responses
  if (typeof responses !== 'object' || responses === null) return false
  const ok: unknown = (responses as Record<string, unknown>)['200']
  return JSON.stringify(ok ?? {}).includes('"schema"')
}
