import { Client, request } from 'undici'

import { type JobEvent, jobEventSchema } from '../../contract/bff/job-events'
import { TEST_PASSWORD } from '../../testing/bff-harness'

// Test kit: a browser's EventSource, reduced to what the tests look at. Every event's data is
// parsed with the contract schema the SPA uses, so a shape drift fails here first.

export type ReceivedEvent = { id: string | undefined; data: JobEvent }

export type SseClient = {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The error envelope, when the stream was refused. */
  body: unknown
  events: ReceivedEvent[]
  waitFor: (
    match: (event: JobEvent) => boolean,
    timeoutMs?: number,
  ) => Promise<ReceivedEvent>
  close: () => void
}

/** Signs in over plain HTTP and returns the session cookie. */
export async function sessionCookie(
  url: string,
  username: string,
): Promise<string> {
  const res = await request(`${url}/api/session`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  })
  await res.body.text()
  const setCookie = res.headers['set-cookie']
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
  if (res.statusCode !== 200 || !first)
    throw new Error(`sign-in failed: ${res.statusCode}`)
  return first.split(';')[0] ?? ''
}

function parseFrame(frame: string): ReceivedEvent | undefined {
  let id: string | undefined
  const data: string[] = []
  for (const line of frame.split('\n')) {
    if (line.startsWith('id: ')) id = line.slice(4)
    else if (line.startsWith('data: ')) data.push(line.slice(6))
  }
  if (data.length === 0) return undefined
  return { id, data: jobEventSchema.parse(JSON.parse(data.join('\n'))) }
}

export async function openEvents(
  url: string,
  options: { cookie?: string; job?: string; lastEventId?: string } = {},
): Promise<SseClient> {
  const query = options.job ? `?job=${encodeURIComponent(options.job)}` : ''
  // A connection of its own, closed with the stream, as a browser's EventSource has.
  const connection = new Client(url)
  const res = await connection.request({
    method: 'GET',
    path: `/api/events${query}`,
    headers: {
      accept: 'text/event-stream',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
    },
  })
  const events: ReceivedEvent[] = []
  const waiters = new Set<() => void>()
  const client: SseClient = {
    status: res.statusCode,
    headers: res.headers,
    body: undefined,
    events,
    waitFor: (match, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => match(e.data))
          if (!found) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.data))}`,
            ),
          )
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
    close: () => {
      res.body.destroy()
      void connection.destroy()
    },
  }
  if (res.statusCode !== 200) {
    client.body = await res.body.json()
    await connection.close()
    return client
  }
  let buffer = ''
  res.body.setEncoding('utf8')
  res.body.on('data', (chunk: string) => {
    buffer += chunk
    let end = buffer.indexOf('\n\n')
    while (end >= 0) {
      const received = parseFrame(buffer.slice(0, end))
      buffer = buffer.slice(end + 2)
      if (received) events.push(received)
      end = buffer.indexOf('\n\n')
    }
    for (const waiter of [...waiters]) waiter()
  })
  res.body.on('error', () => undefined)
  return client
}
