import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

import { mediaType } from '../src/contract/atlas/versions'

// An upstream that costs almost nothing: it answers every GET with one recorded sandbox answer
// (BODY_FILE). Against it, the BFF and the floor proxy show their own cost per request rather
// than the sandbox's. It sends no auth challenge, so neither signs its requests.

const body = readFileSync(process.env.BODY_FILE ?? '')
const type = mediaType('2023-01-01')

const server = createServer((req, reply) => {
  req.resume()
  reply.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    date: new Date().toUTCString(),
  })
  reply.end(body)
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  console.log(`canned upstream listening at http://127.0.0.1:${port}`)
})
