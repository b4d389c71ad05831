// `npm start`: build the SPA and the server if needed, then run the server in this process.
import { pathToFileURL } from 'node:url'

import { buildIfNeeded, SERVER_ENTRY } from './build-if-needed.mjs'

buildIfNeeded()
process.setSourceMapsEnabled(true)
await import(pathToFileURL(SERVER_ENTRY).href)
