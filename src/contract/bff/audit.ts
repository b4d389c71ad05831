import { z } from 'zod'

import {
  clusterNameSchema,
  isoDateTimeSchema,
  objectIdSchema,
} from '../atlas/common'

// The BFF's audit trail API (GET /api/audit, admins only): who did what, when, with which
// outcome. Each change has an `intent` entry, written before Atlas is called, and an `outcome`
// entry after it, linked by intentId.

export const AUDIT_PAGE_SIZE_DEFAULT = 100
export const AUDIT_PAGE_SIZE_MAX = 500

export const auditPhases = ['intent', 'outcome'] as const
export type AuditPhase = (typeof auditPhases)[number]

export const auditFormats = ['json', 'csv'] as const
export type AuditFormat = (typeof auditFormats)[number]

const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine(
      (n) => n >= min && n <= max,
      `must be from ${min} to ${max.toLocaleString('en')}`,
    )

const text = z.string().trim().min(1, 'must not be empty').max(128)
const dateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z',
})

/** The query string, as the SPA builds it; every parameter is optional. */
export const auditQuerySchema = z
  .strictObject({
    actor: text.optional(),
    action: text.optional(),
    groupId: objectIdSchema.optional(),
    clusterName: clusterNameSchema.optional(),
    atlasId: text.optional(),
    from: dateTime.optional(),
    to: dateTime.optional(),
    limit: intString(1, AUDIT_PAGE_SIZE_MAX).optional(),
    before: intString(1, Number.MAX_SAFE_INTEGER).optional(),
    format: z.enum(auditFormats).optional(),
  })
  .refine(
    (q) =>
      q.from === undefined ||
      q.to === undefined ||
      Date.parse(q.from) <= Date.parse(q.to),
    { message: 'must not be before from', path: ['to'] },
  )
export type AuditQuery = z.input<typeof auditQuerySchema>

export const auditEntrySchema = z.object({
  id: z.int().min(1),
  at: isoDateTimeSchema,
  actor: z.string(),
  action: z.string(),
  phase: z.enum(auditPhases),
  intentId: z.int().nullable(),
  groupId: z.string().nullable(),
  clusterName: z.string().nullable(),
  target: z.string().nullable(),
  /** Outcome entries only: succeeded, refused, unknown (cut off) or reconciled. */
  outcome: z.string().nullable(),
  atlasId: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.int().nullable(),
})
export type AuditPage = z.infer<typeof auditPageSchema>

/** The CSV export's columns, in order; `details` is the JSON text. */
export const auditCsvColumns = [
  'id',
  'at',
  'actor',
  'action',
  'phase',
  'intentId',
  'groupId',
  'clusterName',
  'target',
  'outcome',
  'atlasId',
  'requestId',
  'details',
] as const satisfies readonly (keyof AuditEntry)[]

/** Response header of the CSV export: the `before` value of the next page, if any. */
export const AUDIT_NEXT_BEFORE_HEADER = 'x-next-before'
