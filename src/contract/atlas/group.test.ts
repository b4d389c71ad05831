import { describe, expect, it } from 'vitest'
import { groupSchema, paginatedGroupsSchema } from './group'

const without = (obj: object, key: string) =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))

const group = {
  id: '5f4d3c2b1a0f9e8d7c6b5a49',
  name: 'payments-prod',
  orgId: '5e1d2c3b4a596877665544aa',
  clusterCount: 3,
  created: '2023-04-12T09:30:00Z',
  tags: [{ key: 'environment', value: 'production' }],
  withDefaultAlertsSettings: true,
  links: [
    {
      href: 'https://cloud.mongodb.com/api/atlas/v2/groups/5f4d3c2b1a0f9e8d7c6b5a49',
      rel: 'self',
    },
  ],
}

describe('groupSchema', () => {
  it('parses a project', () => {
    expect(groupSchema.parse(group)).toEqual(group)
  })

  it('keeps unknown fields', () => {
    const parsed = groupSchema.parse({ ...group, futureField: { a: 1 } })
    expect(parsed).toHaveProperty('futureField', { a: 1 })
  })

  it('accepts project names with unicode letters and digits', () => {
    for (const name of ['Équipe-Données_(prod)', 'プロジェクト1', 'Ωmega.٣']) {
      expect(groupSchema.safeParse({ ...group, name }).success).toBe(true)
    }
    expect(
      groupSchema.safeParse({ ...group, name: "ops,team:a&b@c+d'e.f" }).success,
    ).toBe(true)
  })

  it('refuses spaces and other characters outside the pattern', () => {
    for (const name of ['Équipe Données', 'a/b', 'a#b', 'tab\tname']) {
      expect(groupSchema.safeParse({ ...group, name }).success).toBe(false)
    }
  })

  it('bounds the project name to 1..64 allowed characters', () => {
    expect(
      groupSchema.safeParse({ ...group, name: 'a'.repeat(64) }).success,
    ).toBe(true)
    expect(
      groupSchema.safeParse({ ...group, name: 'a'.repeat(65) }).success,
    ).toBe(false)
    expect(groupSchema.safeParse({ ...group, name: '' }).success).toBe(false)
  })

  it('requires clusterCount, created, name and orgId', () => {
    for (const key of ['clusterCount', 'created', 'name', 'orgId']) {
      const partial = without(group, key)
      expect(groupSchema.safeParse(partial).success).toBe(false)
    }
  })

  it('refuses ids that are not 24 lowercase hex characters', () => {
    expect(
      groupSchema.safeParse({ ...group, orgId: '5e1d2c3b4a596877665544a' })
        .success,
    ).toBe(false)
    expect(
      groupSchema.safeParse({ ...group, orgId: '5E1D2C3B4A596877665544AA' })
        .success,
    ).toBe(false)
    expect(
      groupSchema.safeParse({ ...group, id: '5f4d3c2b1a0f9e8d7c6b5a4g' })
        .success,
    ).toBe(false)
  })

  it('refuses a created date that is not ISO 8601', () => {
    expect(
      groupSchema.safeParse({ ...group, created: '12/04/2023' }).success,
    ).toBe(false)
  })

  it('checks the region usage restriction enum', () => {
    expect(
      groupSchema.safeParse({
        ...group,
        regionUsageRestrictions: 'GOV_REGIONS_ONLY',
      }).success,
    ).toBe(true)
    expect(
      groupSchema.safeParse({ ...group, regionUsageRestrictions: 'EU_ONLY' })
        .success,
    ).toBe(false)
  })

  it('bounds tag keys and values to 1..255 characters', () => {
    const tag = (key: string, value: string) =>
      groupSchema.safeParse({ ...group, tags: [{ key, value }] }).success
    expect(tag('k', 'v'.repeat(255))).toBe(true)
    expect(tag('', 'v')).toBe(false)
    expect(tag('k', 'v'.repeat(256))).toBe(false)
  })
})

describe('paginatedGroupsSchema', () => {
  it('parses a page with and without totalCount', () => {
    expect(
      paginatedGroupsSchema.parse({
        results: [group],
        totalCount: 1,
        links: [],
      }).results,
    ).toHaveLength(1)
    expect(paginatedGroupsSchema.safeParse({ results: [] }).success).toBe(true)
  })

  it('requires results and refuses a bad item', () => {
    expect(paginatedGroupsSchema.safeParse({ totalCount: 0 }).success).toBe(
      false,
    )
    expect(
      paginatedGroupsSchema.safeParse({ results: [{ ...group, orgId: 'x' }] })
        .success,
    ).toBe(false)
  })
})
