import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

import { paginatedGroupsSchema } from '../../contract/atlas/group'
import {
  startTestSandbox,
  type TestSandbox,
} from '../../testing/sandbox-harness'
import { ApiProblem } from '../http/errors'
import { AtlasClient } from './client'
import { ValidatedAnswers } from './validated-answers'

let sb: TestSandbox
let upstreamCalls = 0

beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.close()
})

function client() {
  const config = sb.sandbox.ctx.config
  return new AtlasClient(
    sb.url,
    {
      kind: 'apiKey',
      publicKey: config.SANDBOX_PUBLIC_KEY,
      privateKey: config.SANDBOX_PRIVATE_KEY,
    },
    (_method, status) => {
      if (status === 200) upstreamCalls += 1
    },
  )
}

describe('readJson: answers passed on as validated JSON', () => {
  it('asks Atlas every time, but validates the same bytes only once', async () => {
    let validations = 0
    const counted = paginatedGroupsSchema.refine(() => {
      validations += 1
      return true
    })
    const atlas = client()
    upstreamCalls = 0
    const read = (path: string) =>
      atlas.readJson({ path, resource: 'projects', schema: counted })

    const first = await read('/groups?itemsPerPage=1')
    const again = await read('/groups?itemsPerPage=1')
    expect(upstreamCalls).toBe(2)
    expect(validations).toBe(1)
    expect(again.equals(first)).toBe(true)
    const parsed = JSON.parse(first.toString()) as { results: unknown[] }
    expect(parsed.results).toHaveLength(1)

    // Other bytes: validated anew.
    const two = JSON.parse(
      (await read('/groups?itemsPerPage=2')).toString(),
    ) as { results: unknown[] }
    expect(two.results).toHaveLength(2)
    expect(validations).toBe(2)
    await atlas.close()
  })

  it('never remembers an answer that failed validation', async () => {
    const atlas = client()
    const strict = z.object({ nothingLikeThis: z.string() })
    for (let i = 0; i < 2; i++) {
      const error = await atlas
        .readJson({ path: '/groups', resource: 'projects', schema: strict })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiProblem)
      expect((error as ApiProblem).errorCode).toBe(
        'UPSTREAM_CONTRACT_VIOLATION',
      )
    }
    await atlas.close()
  })
})

describe('ValidatedAnswers', () => {
  const schema = z.unknown()
  const bytes = (n: number, fill: string) => Buffer.alloc(n, fill)

  it('finds only the same bytes with the same schema', () => {
    const answers = new ValidatedAnswers(1_000)
    answers.remember(schema, bytes(10, 'a'), bytes(10, 'A'))
    expect(answers.find(schema, bytes(10, 'a'))?.toString()).toBe(
      'A'.repeat(10),
    )
    expect(answers.find(schema, bytes(10, 'b'))).toBeUndefined()
    expect(answers.find(z.string(), bytes(10, 'a'))).toBeUndefined()
  })

  it('forgets the least recently used beyond its byte bound, and skips big answers', () => {
    const answers = new ValidatedAnswers(80)
    answers.remember(schema, bytes(10, 'a'), bytes(10, 'A'))
    answers.remember(schema, bytes(10, 'b'), bytes(10, 'B'))
    answers.remember(schema, bytes(10, 'c'), bytes(10, 'C'))
    answers.find(schema, bytes(10, 'a'))
    answers.remember(schema, bytes(10, 'd'), bytes(10, 'D'))
    answers.remember(schema, bytes(10, 'e'), bytes(10, 'E'))
    // 80 bytes hold four pairs: b, the least recently used, goes.
    expect(answers.find(schema, bytes(10, 'b'))).toBeUndefined()
    expect(answers.find(schema, bytes(10, 'a'))).toBeDefined()
    expect(answers.size).toBe(4)
    answers.remember(schema, bytes(20, 'z'), bytes(20, 'Z'))
    expect(answers.find(schema, bytes(20, 'z'))).toBeUndefined()
  })
})
