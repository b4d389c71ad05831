import { isTerminalState } from '../../contract/rules/restore-job-state'
import type { PollResult } from './job-poller'
import { type LiveJobData, iso } from './live-job'

export type PollEffect = {
  /** The document or its derived state changed. */
  changed: boolean
  /** Stop polling: the job finished (R10), or Atlas no longer knows it. */
  done: boolean
  /** Browsers need to hear about it. */
  publish: boolean
  /** The database needs the new state (it is what a restart resumes from). */
  persist: boolean
}

/**
 * Folds one poll's answer into the job (mutating it) and says what follows. A failed poll keeps
 * the last known state and marks it stale; only a new kind of failure is worth an event.
 */
export function applyPoll(
  job: LiveJobData,
  result: PollResult,
  now: number,
): PollEffect {
  if (result.ok) {
    const { doc, state } = result.fetched
    const changed =
      state !== job.state || JSON.stringify(doc) !== JSON.stringify(job.doc)
    const recovered = job.stale
    const done = isTerminalState(state)
    job.checkedAt = iso(now)
    job.stale = false
    job.problem = null
    job.watching = !done
    if (changed) {
      job.doc = doc
      job.state = state
      job.updatedAt = iso(now)
    }
    return {
      changed,
      done,
      publish: changed || recovered || done,
      persist: changed || done,
    }
  }
  const { problem } = result
  // 404: the job (or its cluster) is gone; 410: the serverless endpoints were sunset (R5).
  const gone = problem.status === 404 || problem.status === 410
  const news =
    gone || !job.stale || job.problem?.errorCode !== problem.errorCode
  job.stale = true
  job.problem = {
    status: problem.status,
    errorCode: problem.errorCode,
    detail: problem.detail,
  }
  job.watching = !gone
  return { changed: false, done: gone, publish: news, persist: gone }
}
