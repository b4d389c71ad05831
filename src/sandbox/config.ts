import path from 'node:path'
import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')

/** Documented defaults, printed at start, so curl and the BFF can reach a fresh sandbox. */
export const DEFAULT_SANDBOX_CREDENTIALS = {
  publicKey: 'bcsandbx',
  privateKey: 'b5c0a7e2-0d1f-4c3e-9a8b-5a6d7e8f9a0b',
  clientId: 'mdb_sa_id_6a1b2c3d4e5f60718293a4b5',
  clientSecret: 'mdb_sa_sk_backup-console-sandbox-secret',
} as const

const configSchema = z.object({
  SANDBOX_PORT: port.default(8090),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SANDBOX_PUBLIC_KEY: z
    .string()
    .min(1)
    .default(DEFAULT_SANDBOX_CREDENTIALS.publicKey),
  SANDBOX_PRIVATE_KEY: z
    .string()
    .min(1)
    .default(DEFAULT_SANDBOX_CREDENTIALS.privateKey),
  SANDBOX_CLIENT_ID: z
    .string()
    .min(1)
    .default(DEFAULT_SANDBOX_CREDENTIALS.clientId),
  SANDBOX_CLIENT_SECRET: z
    .string()
    .min(1)
    .default(DEFAULT_SANDBOX_CREDENTIALS.clientSecret),
  /** Test and demo controls under /sandbox/ (clock, faults, reset, lineage); loopback only. */
  SANDBOX_CONTROLS: flag.default(false),
  /** Token bucket per endpoint set and project (A5). */
  SANDBOX_RATE_CAPACITY: z.coerce.number().int().min(1).default(100),
  SANDBOX_RATE_REFILL_PER_MINUTE: z.coerce.number().int().min(1).default(100),
  /** How often the clock looks for due snapshots and restore progress, in real ms. */
  SANDBOX_TICK_MS: z.coerce.number().int().min(10).default(1000),
  /**
   * R5: Atlas sunset the serverless backup endpoints on 2026-01-22 and answers them with 410
   * VERSION_GONE. Off by default so the serverless rules (72 h, no oplog, no download) can be
   * demonstrated; 1 answers every serverless backup endpoint with 410 as Atlas does today.
   */
  SANDBOX_SERVERLESS_SUNSET: flag.default(false),
  SANDBOX_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('warn'),
})

export type SandboxConfig = z.infer<typeof configSchema> & { dbFile: string }

export class SandboxConfigError extends Error {}

export function parseSandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    )
    throw new SandboxConfigError(
      `Invalid sandbox configuration in the environment:\n${lines.join('\n')}`,
    )
  }
  return {
    ...parsed.data,
    dbFile: path.join(path.resolve(parsed.data.DATA_DIR), 'sandbox.sqlite'),
  }
}
