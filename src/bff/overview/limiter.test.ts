import { describe, expect, it } from 'vitest'

import { createLimiter } from './limiter'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('createLimiter', () => {
  it('never runs more than max tasks at once, and runs them all', async () => {
    const limit = createLimiter(3)
    let running = 0
    let peak = 0
    const task = (i: number) => async () => {
      running += 1
      peak = Math.max(peak, running)
      await tick()
      running -= 1
      return i
    }
    const first = Array.from({ length: 10 }, (_, i) => limit(task(i)))
    // Newcomers while slots are being handed over must wait too.
    await tick()
    const later = Array.from({ length: 10 }, (_, i) => limit(task(10 + i)))
    const results = await Promise.all([...first, ...later])
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(peak).toBe(3)
  })

  it('frees the slot of a task that throws', async () => {
    const limit = createLimiter(1)
    await expect(
      limit(() => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom')
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next')
  })
})
