import type { TestSandbox } from '../../testing/sandbox-harness'
import { conforms } from '../atlas-test-kit'

// The snapshot and schedule route tests call the Atlas API through this: every answer is
// checked against the official spec when it is present.

/** An Atlas call whose answer must conform to the spec. */
export function caller(sb: () => TestSandbox, version = '2023-01-01') {
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ) => conforms(await sb().atlas({ method, path, body, version }))
}
