import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { useNavigate, useSearchParams } from 'react-router'

import {
  type SignInRequest,
  signInRequestSchema,
} from '../../../contract/bff/session'
import { TextField } from '../../components/ui/text-field'
import { ApiError } from '../../lib/api-error'
import { safeReturnTo } from '../../lib/paths'
import { useSignIn } from '../../lib/session'

export function SignInRoute() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const signIn = useSignIn()
  const form = useForm<SignInRequest>({
    resolver: zodResolver(signInRequestSchema),
    defaultValues: { username: '', password: '' },
  })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync(values)
      await navigate(safeReturnTo(params.get('returnTo')), { replace: true })
    } catch (error) {
      const message =
        error instanceof ApiError
          ? error.message
          : 'Signing in failed; try again.'
      form.setError('password', { message })
    }
  })

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Backup Console</h1>
      {params.get('returnTo') ? (
        <p role="status">
          Your session has ended. Sign in to continue where you were.
        </p>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label="Username"
          autoComplete="username"
          autoFocus
          error={errors.username}
          {...form.register('username')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password}
          {...form.register('password')}
        />
        <button
          type="submit"
          className="button primary"
          disabled={isSubmitting}
        >
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
