import { z } from 'zod'

// The Atlas error envelope (ATLAS-CONTRACT.md §8, rule A2).

/** `field` is a path into the request body, used to place the error. */
export const fieldViolationSchema = z.looseObject({
  field: z.string(),
  description: z.string(),
})
export type FieldViolation = z.infer<typeof fieldViolationSchema>

export const badRequestDetailSchema = z.looseObject({
  fields: z.array(fieldViolationSchema).optional(),
})
export type BadRequestDetail = z.infer<typeof badRequestDetailSchema>

export const apiErrorSchema = z.looseObject({
  error: z.int(),
  errorCode: z.string(),
  detail: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  // The spec types the items as objects, but Atlas sends strings and numbers.
  parameters: z.array(z.unknown()).optional(),
  badRequestDetail: badRequestDetailSchema.nullable().optional(),
})
export type ApiErrorBody = z.infer<typeof apiErrorSchema>
