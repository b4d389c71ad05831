import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

// Child processes for the figures that need a process of their own: the BFF (its own RSS,
// its own event loop), the sandbox and the floor proxy (so the load generator in this process
// does not share their event loop), and `npm start` for the cold start.

export const ROOT = path.resolve(import.meta.dirname, '..')

export type Child = {
  process: ChildProcess
  pid: number
  /** The first stdout match of the pattern it was started with. */
  match: RegExpMatchArray
  output: () => string
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
  stop: () => Promise<void>
}

/** Runs a TypeScript entry (through tsx, as `npm start` does) and waits for `ready` on stdout. */
export function startNode(
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<Child> {
  const child = spawn(process.execPath, [...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  )
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(
        new Error(`${args.join(' ')} not ready in ${timeoutMs} ms:\n${output}`),
      )
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout.off('data', onData)
        // Keep draining, so a chatty child never blocks on a full pipe.
        child.stdout.on('data', (more: Buffer) => {
          output = (output + more.toString()).slice(-20_000)
        })
        resolve({
          process: child,
          pid: child.pid ?? 0,
          match,
          output: () => output,
          stop,
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(
        new Error(`${args.join(' ')} exited (${code ?? signal}):\n${output}`),
      )
    })
  })
}

/** A field of /proc/<pid>/status in bytes (VmRSS: now; VmHWM: the peak so far). */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]
  return Number(kb ?? Number.NaN) * 1024
}

/** Samples VmRSS every `everyMs` until stopped; returns the largest sample. */
export function sampleRss(pid: number, everyMs = 200): () => number {
  let peak = 0
  const take = () => {
    try {
      peak = Math.max(peak, procStatusBytes(pid, 'VmRSS'))
    } catch {
      // The process is gone: keep the last peak.
    }
  }
  take()
  const timer = setInterval(take, everyMs)
  return () => {
    clearInterval(timer)
    take()
    return peak
  }
}
