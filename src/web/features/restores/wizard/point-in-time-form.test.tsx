// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { PointInTimeForm } from './point-in-time-form'
import type { PitWindow } from './pit-validation'
import type { WizardAnswers } from './wizard-answers'

// R4 at the field: one mode at a time, never half an oplog pair, UTC and local time converted
// both ways, and the window's edges exact to the second against Atlas's (fixed) clock.

const NOW = new Date('2026-03-01T12:00:00Z')
const sec = (iso: string) => Date.parse(iso) / 1000
const WINDOW_START = '2026-02-22 12:00:00'

afterEach(cleanup)

function setup(
  options: {
    defaults?: WizardAnswers
    serverless?: boolean
    restoreWindow?: Partial<PitWindow>
  } = {},
) {
  const onNext = vi.fn()
  const onBack = vi.fn()
  const restoreWindow: PitWindow = {
    restoreWindowDays: 7,
    blackouts: [],
    now: () => NOW,
    ...options.restoreWindow,
  }
  render(
    <PointInTimeForm
      defaults={options.defaults ?? {}}
      restoreWindow={restoreWindow}
      serverless={options.serverless ?? false}
      localTimeZone="America/New_York"
      onNext={onNext}
      onBack={onBack}
    />,
  )
  return { user: userEvent.setup(), onNext, onBack }
}

/** The text an element's aria-describedby points to (no jest-dom here). */
function description(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
}
const value = (element: HTMLElement) => (element as HTMLInputElement).value

const dateField = () => screen.getByLabelText(/^Date and time/)
const next = () => screen.getByRole('button', { name: 'Next' })

describe('PointInTimeForm: the restore window (R4)', () => {
  it('accepts the first second of the window', async () => {
    const { user, onNext } = setup()
    await user.type(dateField(), WINDOW_START)
    await user.click(next())
    expect(onNext).toHaveBeenCalledWith({
      pit: 'date',
      zone: 'utc',
      at: sec('2026-02-22T12:00:00Z'),
      oplogTs: undefined,
      oplogInc: undefined,
    })
  })

  it('refuses one second before it, naming the valid range next to the field', async () => {
    const { user, onNext } = setup()
    await user.type(dateField(), '2026-02-22 11:59:59')
    await user.click(next())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      'The instant 2026-02-22 11:59:59 UTC lies outside the restore window ' +
        '(2026-02-22 12:00:00 UTC to 2026-03-01 12:00:00 UTC)',
    )
    expect(dateField().getAttribute('aria-invalid')).toBe('true')
    expect(onNext).not.toHaveBeenCalled()
  })

  it('refuses an instant after now and one inside a post-restore blackout', async () => {
    const { user, onNext } = setup({
      restoreWindow: {
        blackouts: [
          {
            start: new Date('2026-02-26T00:00:00Z'),
            end: new Date('2026-02-26T06:00:00Z'),
          },
        ],
      },
    })
    await user.type(dateField(), '2026-03-01 12:00:01')
    await user.click(next())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /lies outside the restore window/,
    )
    await user.clear(dateField())
    await user.type(dateField(), '2026-02-26 03:00:00')
    await user.click(next())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /lies between the start of a restore at 2026-02-26 00:00:00 UTC.*Restorable: 2026-02-22 12:00:00 UTC to 2026-02-25 23:59:59 UTC; 2026-02-26 06:00:00 UTC to 2026-03-01 12:00:00 UTC/,
    )
    expect(onNext).not.toHaveBeenCalled()
  })

  it('draws the window with a text description of the chosen instant', async () => {
    const { user } = setup()
    await user.type(dateField(), '2026-02-25 12:00:00')
    expect(
      description(screen.getByRole('img', { name: 'Restore window' })),
    ).toMatch(/Chosen instant: 2026-02-25 12:00:00 UTC .*inside the window/)
  })
})

describe('PointInTimeForm: UTC and local time', () => {
  it('shows the local time and epoch seconds beside a UTC entry', async () => {
    const { user } = setup()
    await user.type(dateField(), '2026-02-25 12:00:00')
    expect(description(dateField())).toMatch(
      /Local: 2026-02-25 07:00:00 UTC-05:00 \(America\/New_York\).*Epoch seconds: 1772020800/,
    )
  })

  it('keeps the instant when the operator switches to typing local time', async () => {
    const { user, onNext } = setup()
    await user.type(dateField(), '2026-02-25 12:00:00')
    await user.click(screen.getByRole('radio', { name: /^Local time/ }))
    expect(
      value(
        screen.getByLabelText('Date and time (local time, America/New_York)'),
      ),
    ).toBe('2026-02-25 07:00:00')
    expect(description(dateField())).toMatch(/UTC: 2026-02-25 12:00:00 UTC/)
    await user.click(next())
    expect(onNext).toHaveBeenCalledWith(
      expect.objectContaining({ zone: 'local', at: 1772020800 }),
    )
  })

  it('reads a local entry in the local zone, and shows it again from the URL', async () => {
    const { user, onNext } = setup({ defaults: { zone: 'local' } })
    await user.type(dateField(), '2026-02-25 07:00:00')
    await user.click(next())
    expect(onNext).toHaveBeenCalledWith(
      expect.objectContaining({ at: 1772020800 }),
    )
    cleanup()
    setup({ defaults: { pit: 'date', zone: 'local', at: 1772020800 } })
    expect(value(dateField())).toBe('2026-02-25 07:00:00')
  })

  it('refuses text that is not a date-time, and a date that does not exist', async () => {
    const { user } = setup()
    await user.type(dateField(), 'yesterday')
    await user.click(next())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      'Enter the date and time as YYYY-MM-DD HH:mm:ss',
    )
    await user.clear(dateField())
    await user.type(dateField(), '2026-02-30 10:00:00')
    expect((await screen.findByRole('alert')).textContent).toMatch(
      '2026-02-30 10:00:00 does not exist',
    )
  })
})

describe('PointInTimeForm: one mode at a time (R4)', () => {
  it('clears the date-time when switching to an oplog entry, and back', async () => {
    const { user } = setup()
    await user.type(dateField(), '2026-02-25 12:00:00')
    await user.click(screen.getByRole('radio', { name: /oplog entry/ }))
    expect(screen.queryByLabelText(/^Date and time/)).toBeNull()
    await user.type(screen.getByLabelText(/^Oplog timestamp/), '1772020800')
    await user.type(screen.getByLabelText('Oplog increment'), '3')
    await user.click(screen.getByRole('radio', { name: /date and time/ }))
    expect(value(dateField())).toBe('')
    await user.click(screen.getByRole('radio', { name: /oplog entry/ }))
    expect(value(screen.getByLabelText(/^Oplog timestamp/))).toBe('')
    expect(value(screen.getByLabelText('Oplog increment'))).toBe('')
  })

  it('refuses half an oplog pair, on the missing half', async () => {
    const { user, onNext } = setup()
    await user.click(screen.getByRole('radio', { name: /oplog entry/ }))
    await user.type(screen.getByLabelText(/^Oplog timestamp/), '1772020800')
    await user.click(next())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      'oplogInc is required together with oplogTs',
    )
    expect(
      screen.getByLabelText('Oplog increment').getAttribute('aria-invalid'),
    ).toBe('true')
    await user.clear(screen.getByLabelText(/^Oplog timestamp/))
    await user.type(screen.getByLabelText('Oplog increment'), '3')
    await user.click(next())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      'oplogTs is required together with oplogInc',
    )
    expect(onNext).not.toHaveBeenCalled()
  })

  it('takes a whole oplog pair inside the window', async () => {
    const { user, onNext } = setup()
    await user.click(screen.getByRole('radio', { name: /oplog entry/ }))
    await user.type(screen.getByLabelText(/^Oplog timestamp/), '1772020800')
    await user.type(screen.getByLabelText('Oplog increment'), '3')
    await user.click(next())
    expect(onNext).toHaveBeenCalledWith({
      pit: 'oplog',
      zone: 'utc',
      at: undefined,
      oplogTs: 1772020800,
      oplogInc: 3,
    })
  })

  it('offers serverless instances no oplog entry, and says why (R5)', () => {
    setup({ serverless: true, restoreWindow: { restoreWindowDays: 3 } })
    const oplog = screen.getByRole('radio', { name: /oplog entry/ })
    expect((oplog as HTMLInputElement).disabled).toBe(true)
    expect(description(oplog)).toMatch(
      /serverless instances restore only to a date and time within the last 72 hours/,
    )
  })
})
