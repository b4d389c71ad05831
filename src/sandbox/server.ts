import { parseSandboxConfig, SandboxConfigError } from './config'
import { createSandbox } from './sandbox'

// `npm run sandbox`: the Atlas sandbox alone.
async function main(): Promise<void> {
  const config = parseSandboxConfig(process.env)
  const sandbox = createSandbox(config)
  const address = await sandbox.listen()
  console.log(
    [
      '',
      `Atlas sandbox listening at ${address}/api/atlas/v2`,
      `  API key (HTTP digest):  ${config.SANDBOX_PUBLIC_KEY} / ${config.SANDBOX_PRIVATE_KEY}`,
      `  Service account:        ${config.SANDBOX_CLIENT_ID} / ${config.SANDBOX_CLIENT_SECRET}`,
      `  Test controls:          ${config.SANDBOX_CONTROLS ? `${address}/sandbox/` : 'off (SANDBOX_CONTROLS=1 turns them on)'}`,
      `  State:                  ${config.dbFile}`,
      '',
      `  curl --digest -u ${config.SANDBOX_PUBLIC_KEY}:${config.SANDBOX_PRIVATE_KEY} -H 'Accept: application/vnd.atlas.2023-01-01+json' ${address}/api/atlas/v2/groups`,
      '',
    ].join('\n'),
  )
  const shutdown = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(error instanceof SandboxConfigError ? error.message : error)
  process.exit(1)
})
