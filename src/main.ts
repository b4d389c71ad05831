// The composition root: the BFF, with the embedded Atlas sandbox as its upstream when no
// Atlas credentials are configured. The only module that knows both.
import {
  type BffConfig,
  ATLAS_CLOUD_URL,
  ConfigError,
  parseConfig,
} from './bff/config'
import { type Upstream, startBff } from './bff/server'
import { parseSandboxConfig, SandboxConfigError } from './sandbox/config'
import { createSandbox } from './sandbox/sandbox'

async function startUpstream(config: BffConfig) {
  if (config.atlasAuth) {
    const upstream: Upstream = {
      baseUrl: config.ATLAS_BASE_URL ?? ATLAS_CLOUD_URL,
      auth: config.atlasAuth,
      label: 'Atlas',
    }
    return { upstream, close: () => Promise.resolve() }
  }
  const sandboxConfig = parseSandboxConfig(process.env)
  const sandbox = createSandbox(sandboxConfig)
  const address = await sandbox.listen()
  const upstream: Upstream = {
    baseUrl: address,
    auth: {
      kind: 'apiKey',
      publicKey: sandboxConfig.SANDBOX_PUBLIC_KEY,
      privateKey: sandboxConfig.SANDBOX_PRIVATE_KEY,
    },
    label: `the embedded Atlas sandbox at ${address} (no ATLAS_* credentials set)`,
  }
  return { upstream, close: () => sandbox.close() }
}

async function main(): Promise<void> {
  const config = parseConfig(process.env)
  const upstream = await startUpstream(config)
  const bff = await startBff(config, upstream.upstream)
  const signIn = bff.generatedAdminPassword
    ? `user "admin", password "${bff.generatedAdminPassword}" (shown once: note it, or set ADMIN_PASSWORD)`
    : 'user "admin" with the password in ADMIN_PASSWORD (or an account added with npm run user)'
  console.log(
    [
      '',
      `Backup Console is running at ${bff.url}`,
      `  Sign in:  ${signIn}`,
      `  Upstream: ${upstream.upstream.label}`,
      '',
    ].join('\n'),
  )

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    bff.app.log.info({ signal }, 'shutting down')
    bff
      .close()
      .then(() => upstream.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof SandboxConfigError
      ? error.message
      : error,
  )
  process.exit(1)
})
