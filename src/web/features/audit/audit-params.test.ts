import { describe, expect, it } from 'vitest'

import {
  isFiltered,
  noFilters,
  parseAuditFilters,
  toAuditQuery,
  withAuditFilters,
} from './audit-params'

describe('audit filters in the URL', () => {
  it('round-trips the filters and keeps other keys (tz)', () => {
    const params = withAuditFilters(new URLSearchParams('tz=local'), {
      ...noFilters,
      actor: 'admin',
      cluster: 'payments-rs',
      from: '2026-03-01T00:00:00.000Z',
    })
    expect(params.toString()).toBe(
      'tz=local&actor=admin&cluster=payments-rs&from=2026-03-01T00%3A00%3A00.000Z',
    )
    expect(parseAuditFilters(params)).toEqual({
      ...noFilters,
      actor: 'admin',
      cluster: 'payments-rs',
      from: '2026-03-01T00:00:00.000Z',
    })
  })

  it('drops empty values, so the plain page has a clean address', () => {
    const params = withAuditFilters(new URLSearchParams('actor=x&action=y'), {
      ...noFilters,
      actor: '  ',
    })
    expect(params.toString()).toBe('')
    expect(isFiltered(parseAuditFilters(params))).toBe(false)
  })

  it('names the parameters as the BFF does', () => {
    expect(
      toAuditQuery({ ...noFilters, cluster: 'c1', project: 'p', to: 't' }),
    ).toEqual({
      actor: undefined,
      action: undefined,
      clusterName: 'c1',
      groupId: 'p',
      atlasId: undefined,
      from: undefined,
      to: 't',
    })
  })
})
