import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

import {
  passwordSchema,
  roleSchema,
  type UpdateUserRequest,
  type User,
} from '../../../../../contract/bff/users'
import { SelectField } from '../../../../components/ui/select-field'
import { FormProblem } from '../../../../components/ui/form-problem'
import { TextField } from '../../../../components/ui/text-field'
import { showServerErrors } from '../field-errors'
import { useUpdateUser } from '../mutations'
import { explainLastAdmin, RoleOptions } from '../role-options'

// An empty password keeps the current one; anything typed must pass the BFF's own rule.
const formSchema = z.object({
  role: roleSchema,
  password: z.string().superRefine((value, ctx) => {
    if (value === '') return
    const checked = passwordSchema.safeParse(value)
    if (!checked.success)
      ctx.addIssue({
        code: 'custom',
        message: checked.error.issues[0]?.message ?? 'is not valid',
      })
  }),
})
type FormValues = z.infer<typeof formSchema>

type EditUserFormProps = {
  user: User
  /** The signed-in operator's own account: saving signs them out. */
  self: boolean
  onClose: () => void
  onSaved: (message: string) => void
}

/** PATCH /api/users/:name with a new role, a new password, or both. */
export function EditUserForm({
  user,
  self,
  onClose,
  onSaved,
}: EditUserFormProps) {
  const update = useUpdateUser()
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { role: user.role, password: '' },
  })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (values) => {
    const change: UpdateUserRequest = {
      ...(values.role === user.role ? {} : { role: values.role }),
      ...(values.password === '' ? {} : { password: values.password }),
    }
    if (change.role === undefined && change.password === undefined) {
      form.setError('root', {
        message: 'Nothing to save: choose another role or type a new password.',
      })
      return
    }
    try {
      const saved = await update.mutateAsync({ name: user.name, change })
      const what = [
        change.role ? `role is now ${saved.role}` : undefined,
        change.password ? 'password reset' : undefined,
      ].filter(Boolean)
      onSaved(`Saved ${saved.name}: ${what.join(', ')}.`)
    } catch (error) {
      showServerErrors(error, ['role', 'password'], form.setError, (e) =>
        explainLastAdmin(e.errorCode),
      )
    }
  })

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={`Change ${user.name}`}
      className="inline-form"
    >
      <p className="hint">
        {self
          ? 'This is your own account: saving ends your sessions, and you sign in again.'
          : `Saving ends ${user.name}'s sessions; they sign in again with the new role or password.`}
      </p>
      <SelectField label="Role" error={errors.role} {...form.register('role')}>
        <RoleOptions />
      </SelectField>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="Leave empty to keep the current password."
        error={errors.password}
        {...form.register('password')}
      />
      <FormProblem message={errors.root?.message} />
      <div className="button-row">
        <button
          type="submit"
          className="button primary"
          disabled={isSubmitting}
        >
          {isSubmitting ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
