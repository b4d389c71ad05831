import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

import {
  type JobRef,
  jobEventSchema,
  jobKeyOf,
} from '../../../../contract/bff/job-events'
import { restoreApi } from '../api-paths'
import { restoreKeys } from '../queries'
import { applyJobEvent } from './job-cache'

// The BFF's push channel (GET /api/events, Server-Sent Events). The browser's EventSource
// reconnects by itself and sends Last-Event-ID, so the BFF replays only what was missed. Two
// cases it does not cover are handled here: an answer that is not a stream (401, 404, 5xx)
// closes it for good, and a connection that went silent (no heartbeat for 45 s) looks open.

export type StreamStatus = 'connecting' | 'live' | 'reconnecting'

/** The BFF beats every 15 s; three missed beats mean the connection is dead. */
export const SILENCE_MS = 45_000
const REOPEN_MIN_MS = 2_000
const REOPEN_MAX_MS = 60_000

function eventsUrl(ref: JobRef | undefined): string {
  const base = restoreApi.events()
  return ref ? `${base}?job=${encodeURIComponent(jobKeyOf(ref))}` : base
}

/** Streams every job (the jobs page) or one (`ref`, the job page) into the query cache. */
export function useJobEvents(ref?: JobRef): StreamStatus {
  const client = useQueryClient()
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const url = eventsUrl(ref)
  const key = ref ? jobKeyOf(ref) : undefined

  useEffect(() => {
    let source: EventSource | undefined
    let silence: number | undefined
    let reopen: number | undefined
    let reopenDelay = REOPEN_MIN_MS
    let stopped = false

    const heard = () => {
      window.clearTimeout(silence)
      silence = window.setTimeout(restart, SILENCE_MS)
    }
    const onMessage = (event: MessageEvent<string>) => {
      heard()
      let data: unknown
      try {
        data = JSON.parse(event.data)
      } catch {
        return
      }
      const parsed = jobEventSchema.safeParse(data)
      if (!parsed.success) return
      if (parsed.data.type === 'ready') {
        reopenDelay = REOPEN_MIN_MS
        setStatus('live')
      } else if (parsed.data.type === 'job') {
        const job = parsed.data.job
        applyJobEvent(client, job, key !== undefined && jobKeyOf(job) === key)
      }
    }
    function open() {
      if (stopped) return
      source = new EventSource(url)
      for (const type of ['job', 'ready', 'heartbeat'])
        source.addEventListener(type, onMessage)
      source.onerror = () => {
        setStatus('reconnecting')
        if (source?.readyState === EventSource.CLOSED) {
          // Not a stream (session over, no such job, BFF failing): the queries say why.
          void client.invalidateQueries({ queryKey: restoreKeys.live() })
          scheduleReopen()
        }
      }
      heard()
    }
    function scheduleReopen() {
      window.clearTimeout(silence)
      window.clearTimeout(reopen)
      reopen = window.setTimeout(open, reopenDelay)
      reopenDelay = Math.min(REOPEN_MAX_MS, reopenDelay * 2)
    }
    function restart() {
      source?.close()
      setStatus('reconnecting')
      scheduleReopen()
    }

    open()
    return () => {
      stopped = true
      source?.close()
      window.clearTimeout(silence)
      window.clearTimeout(reopen)
    }
  }, [client, url, key])

  return status
}
