// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ApiError } from '../../../lib/api-error'
import { ConfirmForm } from './confirm-form'
import type { SubmitProgress } from './use-submit-restore'

// R8 at the button: a destructive restore cannot be submitted until the target's name is typed
// exactly, case included; a download needs no typed name.

afterEach(cleanup)

const TARGET = 'payments-staging'
const idle: SubmitProgress = { phase: 'idle' }

function setup(overrides: Partial<Parameters<typeof ConfirmForm>[0]> = {}) {
  const onSubmit = vi.fn(() =>
    Promise.resolve(undefined as ApiError | undefined),
  )
  render(
    <ConfirmForm
      destructive
      targetName={TARGET}
      renderRequest={(typed) => (
        <pre>{JSON.stringify({ confirmTargetName: typed })}</pre>
      )}
      snapshotOption={{ ok: true }}
      startVerdict={{ ok: true }}
      submitLabel={`Restore onto ${TARGET}`}
      progress={idle}
      error={null}
      onBack={vi.fn()}
      onSubmit={onSubmit}
      {...overrides}
    />,
  )
  return { user: userEvent.setup(), onSubmit }
}

const submit = () =>
  screen.getByRole<HTMLButtonElement>('button', {
    name: `Restore onto ${TARGET}`,
  })
const confirmField = () =>
  screen.getByLabelText('Type the target cluster name to confirm')

describe('ConfirmForm: typed confirmation (R8)', () => {
  it('keeps the submit disabled until the name matches exactly', async () => {
    const { user, onSubmit } = setup()
    expect(submit().disabled).toBe(true)
    await user.type(confirmField(), 'payments-stagin')
    expect(submit().disabled).toBe(true)
    await user.type(confirmField(), 'g')
    expect(submit().disabled).toBe(false)
    await user.click(submit())
    expect(onSubmit).toHaveBeenCalledWith({
      typedName: TARGET,
      snapshotFirst: false,
    })
  })

  it('is case-sensitive and refuses surrounding spaces', async () => {
    const { user } = setup()
    await user.type(confirmField(), 'Payments-Staging')
    expect(submit().disabled).toBe(true)
    await user.clear(confirmField())
    await user.type(confirmField(), `${TARGET} `)
    expect(submit().disabled).toBe(true)
    await user.clear(confirmField())
    await user.type(confirmField(), TARGET)
    expect(submit().disabled).toBe(false)
  })

  it('says why the button is disabled, and warns what the restore deletes', () => {
    setup()
    const reasonId = submit().getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(reasonId)?.textContent).toBe(
      `Type ${TARGET} exactly, with the same upper and lower case, to enable the restore.`,
    )
    expect(
      screen.getByText(
        /This restore deletes all existing data on payments-staging/,
      ),
    ).toBeTruthy()
  })

  it('puts the typed name into the request shown', async () => {
    const { user } = setup()
    await user.type(confirmField(), 'pay')
    expect(screen.getByText('{"confirmTargetName":"pay"}')).toBeTruthy()
  })

  it('shows the BFF refusal of the confirmation next to the field', async () => {
    const refusal = new ApiError({
      status: 400,
      errorCode: 'CONFIRMATION_REQUIRED',
      detail: 'The confirmation does not match.',
      fields: [
        {
          field: 'confirmTargetName',
          description: 'does not match the target',
        },
      ],
      requestId: 'req-1',
    })
    const onSubmit = vi.fn(() => Promise.resolve(refusal))
    const { user } = setup({ onSubmit })
    await user.type(confirmField(), TARGET)
    await user.click(submit())
    expect((await screen.findByRole('alert')).textContent).toBe(
      'does not match the target',
    )
    expect(confirmField().getAttribute('aria-invalid')).toBe('true')
  })

  it('shows a failure with its request id above the button, and says retrying is safe', () => {
    setup({
      error: new ApiError({
        status: 0,
        errorCode: 'NETWORK_ERROR',
        detail: 'The Backup Console server could not be reached.',
        requestId: 'req-42',
      }),
    })
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('The restore was not started.')
    expect(alert.textContent).toContain('req-42')
    expect(alert.textContent).toContain('same Idempotency-Key')
  })
})

describe('ConfirmForm: what else gates the submit', () => {
  it('needs no typed name for a download', () => {
    setup({ destructive: false, submitLabel: 'Request the download' })
    expect(
      screen.queryByLabelText('Type the target cluster name to confirm'),
    ).toBeNull()
    const button = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Request the download',
    })
    expect(button.disabled).toBe(false)
  })

  it('stays disabled for a role that may not restore (R9), with the reason', async () => {
    const { user } = setup({
      startVerdict: {
        ok: false,
        reason: 'Starting a restore needs the operator or admin role',
      },
    })
    await user.type(confirmField(), TARGET)
    expect(submit().disabled).toBe(true)
    expect(
      screen.getByText('Starting a restore needs the operator or admin role.'),
    ).toBeTruthy()
  })

  it('disables the safety snapshot while another on-demand snapshot runs (S1)', () => {
    setup({
      snapshotOption: {
        ok: false,
        reason:
          'Another on-demand snapshot is queued; wait until it completes before taking another',
      },
    })
    const box = screen.getByRole<HTMLInputElement>('checkbox', {
      name: `Take an on-demand snapshot of ${TARGET} first`,
    })
    expect(box.disabled).toBe(true)
    expect(
      screen.getByText(/Not available: Another on-demand snapshot is queued/),
    ).toBeTruthy()
  })

  it('sends the safety snapshot choice with the submit', async () => {
    const { user, onSubmit } = setup()
    await user.click(
      screen.getByRole('checkbox', { name: /Take an on-demand snapshot/ }),
    )
    await user.type(confirmField(), TARGET)
    await user.click(submit())
    expect(onSubmit).toHaveBeenCalledWith({
      typedName: TARGET,
      snapshotFirst: true,
    })
  })
})
