import type { FastifyReply, FastifyRequest } from 'fastify'

import {
  type AtlasResource,
  atlasApiVersions,
  mediaType,
  parseMediaTypeVersion,
} from '../../contract/atlas/versions'
import { AtlasError } from './api-error'

// Versions each resource accepts (A1). Older versions we do not serve are refused like an
// unknown one; the serverless endpoints were sunset on 2026-01-22 (R5) and answer 410.
const supported: Record<AtlasResource, readonly string[]> = {
  projects: [atlasApiVersions.projects],
  clusters: [atlasApiVersions.clusters],
  schedule: [atlasApiVersions.schedule],
  snapshots: [atlasApiVersions.snapshots],
  restoreJobs: [atlasApiVersions.restoreJobs],
  serverless: [atlasApiVersions.serverless],
  flex: [atlasApiVersions.flex],
}

/** Checks Accept (and Content-Type on bodies); returns the version to answer with. */
export function negotiateVersion(
  request: FastifyRequest,
  resource: AtlasResource,
): string {
  const accepted = parseMediaTypeVersion(request.headers.accept)
  const allowed = supported[resource]
  if (accepted === undefined || !allowed.includes(accepted)) {
    throw new AtlasError(
      406,
      'UNSUPPORTED_API_VERSION',
      accepted === undefined
        ? `The Accept header must name an API version, for example ${mediaType(allowed[0] ?? '')}.`
        : `API version ${accepted} is not supported for this resource. Supported versions: ${allowed.join(', ')}.`,
      ['Accept'],
    )
  }
  if (request.body !== undefined && request.headers['content-type']) {
    const sent = parseMediaTypeVersion(request.headers['content-type'])
    if (sent !== undefined && sent !== accepted) {
      throw new AtlasError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `The Content-Type version ${sent} does not match the Accept version ${accepted}.`,
        ['Content-Type'],
      )
    }
  }
  return accepted
}

export function sendVersioned(
  reply: FastifyReply,
  version: string,
  status: number,
  body?: unknown,
): FastifyReply {
  reply.code(status)
  if (body === undefined) return reply.send()
  return reply
    .type(`${mediaType(version)};charset=utf-8`)
    .send(JSON.stringify(body))
}
