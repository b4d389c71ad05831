/** Runs at most `max` tasks at once; the others wait their turn in order. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>

export function createLimiter(max: number): Limiter {
  let running = 0
  const waiting: (() => void)[] = []
  // A finished task hands its slot straight to the next waiter, so a newcomer cannot slip in
  // between and push the count over `max`.
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((r) => waiting.push(r))
    else running += 1
    try {
      return await task()
    } finally {
      release()
    }
  }
}
