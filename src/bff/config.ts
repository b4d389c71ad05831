import path from 'node:path'
import { z } from 'zod'

// Env is parsed once at boot; a bad value stops the server with the variable's name (DESIGN §3).
const port = z.coerce.number().int().min(0).max(65535)
const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))

export const ATLAS_CLOUD_URL = 'https://cloud.mongodb.com'

const configSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SANDBOX_PORT: port.default(8090),
  STATIC_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Upstream: the Atlas cloud, or (when no credentials are set) the embedded sandbox. */
  ATLAS_BASE_URL: z.url().optional(),
  ATLAS_CLIENT_ID: optionalSecret,
  ATLAS_CLIENT_SECRET: optionalSecret,
  ATLAS_PUBLIC_KEY: optionalSecret,
  ATLAS_PRIVATE_KEY: optionalSecret,
  /** Password of the `admin` account created on first start; random and printed if unset. */
  ADMIN_PASSWORD: optionalSecret,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  /** Origins allowed to send mutating requests, besides the BFF's own (CSRF). */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** Secure cookies; on by default unless the BFF listens on loopback over plain HTTP. */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Lets the sandbox's test controls be turned on when it runs embedded (tests, demos). */
  SANDBOX_CONTROLS: z.enum(['0', '1', 'true', 'false']).default('0'),
})

export type AtlasAuth =
  | { kind: 'serviceAccount'; clientId: string; clientSecret: string }
  | { kind: 'apiKey'; publicKey: string; privateKey: string }

type ParsedEnv = z.infer<typeof configSchema>

export type BffConfig = ParsedEnv & {
  dataDir: string
  staticDir: string
  /** Undefined when no Atlas credentials are set: the embedded sandbox is the upstream. */
  atlasAuth: AtlasAuth | undefined
}

export class ConfigError extends Error {}

function atlasAuthOf(env: ParsedEnv): AtlasAuth | undefined {
  const serviceAccount = env.ATLAS_CLIENT_ID ?? env.ATLAS_CLIENT_SECRET
  const apiKey = env.ATLAS_PUBLIC_KEY ?? env.ATLAS_PRIVATE_KEY
  if (serviceAccount) {
    if (!env.ATLAS_CLIENT_ID || !env.ATLAS_CLIENT_SECRET) {
      throw new ConfigError(
        'ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET must be set together.',
      )
    }
    return {
      kind: 'serviceAccount',
      clientId: env.ATLAS_CLIENT_ID,
      clientSecret: env.ATLAS_CLIENT_SECRET,
    }
  }
  if (apiKey) {
    if (!env.ATLAS_PUBLIC_KEY || !env.ATLAS_PRIVATE_KEY) {
      throw new ConfigError(
        'ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY must be set together.',
      )
    }
    return {
      kind: 'apiKey',
      publicKey: env.ATLAS_PUBLIC_KEY,
      privateKey: env.ATLAS_PRIVATE_KEY,
    }
  }
  return undefined
}

export function parseConfig(env: NodeJS.ProcessEnv): BffConfig {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    // Never echo the value: it may be a secret.
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    )
    throw new ConfigError(
      `Invalid configuration in the environment:\n${lines.join('\n')}`,
    )
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    staticDir: path.resolve(parsed.data.STATIC_DIR),
    atlasAuth: atlasAuthOf(parsed.data),
  }
}
