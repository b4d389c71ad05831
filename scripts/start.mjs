// `npm start`: build the SPA if needed, then run the BFF in this process (TypeScript via tsx).
import { register } from 'tsx/esm/api'

import { buildIfNeeded } from './build-if-needed.mjs'

buildIfNeeded()
register()
await import('../src/main.ts')
