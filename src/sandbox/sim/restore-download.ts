import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'

// Download restores: Atlas hands out links to a .tar.gz of the snapshot's data files, one per
// replica set of a sharded cluster (reference 001). The sandbox serves them itself, outside
// /api (the links are pre-authorised, like Atlas's) and outside /sandbox/ (controls only).

export const DOWNLOAD_PREFIX = '/sandbox-downloads'

export function newDownloadToken(): string {
  return randomBytes(12).toString('hex')
}

export function downloadUrl(
  base: string,
  jobId: string,
  token: string,
  replicaSetName: string,
): string {
  return `${base}${DOWNLOAD_PREFIX}/${jobId}/${token}/${encodeURIComponent(replicaSetName)}.tar.gz`
}

/** One ustar header block for a regular file. */
function tarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  const header = Buffer.alloc(512)
  const put = (text: string, offset: number, length: number) =>
    header.write(text.slice(0, length), offset, length, 'ascii')
  const octal = (value: number, length: number) =>
    value.toString(8).padStart(length - 1, '0')
  put(name, 0, 100)
  put(octal(0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8)
  put(octal(0, 8), 116, 8)
  put(octal(size, 12), 124, 12)
  put(octal(mtimeSeconds, 12), 136, 12)
  put('        ', 148, 8)
  put('0', 156, 1)
  put('ustar\u000000', 257, 8)
  let sum = 0
  for (const byte of header) sum += byte
  put(`${octal(sum, 7)}\u0000 `, 148, 8)
  return header
}

/** A small but real .tar.gz: one restoreInfo.txt describing what the archive restores. */
export function restoreArchive(
  info: Record<string, string>,
  mtimeMs: number,
): Buffer {
  const text = Object.entries(info)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')
  const body = Buffer.from(`${text}\n`, 'utf8')
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512)
  const tar = Buffer.concat([
    tarHeader('restoreInfo.txt', body.length, Math.floor(mtimeMs / 1000)),
    body,
    padding,
    Buffer.alloc(1024),
  ])
  return gzipSync(tar)
}
