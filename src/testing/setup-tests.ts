// A React warning or an unexpected console.error is a bug: make it fail the test that caused it.
const originalError = console.error
console.error = (...args: unknown[]) => {
  originalError(...args)
  throw new Error(
    `console.error was called: ${args.map((a) => String(a)).join(' ')}`,
  )
}
