import { createServer } from 'node:http'
import { Pool } from 'undici'

import { DigestSigner } from '../src/bff/atlas/digest'
import { mediaType } from '../src/contract/atlas/versions'

// The floor of the BFF's read path: a plain node:http server that passes each request through
// to the same upstream over a keep-alive pool, signing it with digest auth the way the BFF's
// client does, and nothing else: no session, no validation, no schema, no metrics.
// Run as a child process: UPSTREAM_URL, ATLAS_PUBLIC_KEY, ATLAS_PRIVATE_KEY, PORT (0: any).

const upstream = process.env.UPSTREAM_URL ?? ''
const signer = new DigestSigner(
  process.env.ATLAS_PUBLIC_KEY ?? '',
  process.env.ATLAS_PRIVATE_KEY ?? '',
)
// The same pool settings as src/bff/atlas/client.ts.
const pool = new Pool(upstream, {
  connections: 64,
  keepAliveTimeout: 30_000,
  pipelining: 1,
})
const accept = mediaType('2023-01-01')

async function forward(path: string) {
  const send = () => {
    const authorization = signer.sign('GET', path)
    return pool.request({
      method: 'GET',
      path,
      headers: { accept, ...(authorization ? { authorization } : {}) },
    })
  }
  let res = await send()
  if (res.statusCode === 401) {
    const challenge = res.headers['www-authenticate']
    await res.body.dump()
    if (typeof challenge === 'string' && signer.accept(challenge))
      res = await send()
  }
  return res
}

const server = createServer((req, reply) => {
  forward(req.url ?? '/').then(
    async (res) => {
      const body = await res.body.arrayBuffer()
      reply.writeHead(res.statusCode, { 'content-type': 'application/json' })
      reply.end(Buffer.from(body))
    },
    (error: unknown) => {
      reply.writeHead(502, { 'content-type': 'text/plain' })
      reply.end(String(error))
    },
  )
})
server.keepAliveTimeout = 30_000
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  console.log(`floor proxy listening at http://127.0.0.1:${port}`)
})
