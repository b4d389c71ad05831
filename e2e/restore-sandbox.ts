import type { Page } from '@playwright/test'

import { expect, type SandboxControls } from './fixtures'
import { GROUPS } from './pages/restore-wizard'

// What the restore wizard specs read besides the page: the sandbox's clock and data lineage
// (which restore put whose data, as of when, on a cluster) and the BFF's own read API.

export type Segment = {
  groupId: string
  clusterName: string
  from: string
  to: string
}
export type Job = {
  id: string
  finishedAt?: string
  failed?: boolean
  status?: string
  [k: string]: unknown
}

export const RS = 'payments-rs'
export const STAGING = 'payments-staging'
export const rsJobs = `/api/atlas/v2/groups/${GROUPS.paymentsProd}/clusters/${RS}/backup/restoreJobs`

export async function sandboxNow(sandbox: SandboxControls): Promise<Date> {
  const clock = (await sandbox.control('GET', '/clock')) as { now: string }
  return new Date(clock.now)
}

export async function lineage(
  sandbox: SandboxControls,
  groupId: string,
  cluster: string,
): Promise<Segment[]> {
  const body = (await sandbox.control(
    'GET',
    `/lineage/${groupId}/${cluster}`,
  )) as { segments: Segment[] }
  return body.segments
}

export async function bffGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

/** The job id from the job page's URL, where a successful submit leads. */
export async function createdJobId(
  page: Page,
  kind = 'dedicated',
  groupId: string = GROUPS.paymentsProd,
  cluster = RS,
): Promise<string> {
  await expect(page).toHaveURL(
    new RegExp(`/restores/${kind}/${groupId}/${cluster}/[a-f0-9]{24}$`),
  )
  return page.url().split('/').at(-1) ?? ''
}

/** Moves the sandbox clock on until the job has finished (R10), then returns it. */
export async function finishJob(
  page: Page,
  sandbox: SandboxControls,
  jobId: string,
  jobsPath = rsJobs,
): Promise<Job> {
  let job: Job | undefined
  await expect
    .poll(
      async () => {
        await sandbox.advanceClock({ minutes: 1 })
        job = await bffGet<Job>(page, `${jobsPath}/${jobId}`)
        return (
          Boolean(job.finishedAt) ||
          job.failed === true ||
          job.status === 'COMPLETED' ||
          job.status === 'FAILED'
        )
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  return job as Job
}
