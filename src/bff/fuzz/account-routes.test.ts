import { describeRouteFuzz } from './fuzz-runner'

// Property-based fuzzing of sign-in, sign-out and the user accounts (R9).
describeRouteFuzz('fuzzing the session and user routes', [
  'POST /api/session',
  'DELETE /api/session',
  'POST /api/users',
  'PATCH /api/users/:name',
])
