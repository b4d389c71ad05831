import path from 'node:path'

import { ConfigError, parseConfig } from '../config'
import { openBffDb } from '../db/db'
import { runUserCommand } from './user-commands'

// `npm run user -- add NAME --role ROLE [--password PW]`, `set-role NAME ROLE`,
// `passwd NAME [--password PW]`, `list`: operator accounts in ${DATA_DIR}/bff.sqlite, the
// database the BFF uses (it may be running: SQLite in WAL mode takes both).

async function main(): Promise<number> {
  let dataDir: string
  try {
    dataDir = parseConfig(process.env).dataDir
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      return 2
    }
    throw error
  }
  const db = openBffDb(path.join(dataDir, 'bff.sqlite'))
  try {
    return await runUserCommand(db, process.argv.slice(2), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    })
  } finally {
    db.close()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `Error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
