import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'

import {
  type CreateUserRequest,
  createUserRequestSchema,
  PASSWORD_MIN_LENGTH,
} from '../../../../../contract/bff/users'
import { SelectField } from '../../../../components/ui/select-field'
import { FormProblem } from '../../../../components/ui/form-problem'
import { TextField } from '../../../../components/ui/text-field'
import { showServerErrors } from '../field-errors'
import { useAddUser } from '../mutations'
import { RoleOptions } from '../role-options'

/** A new operator account: the same schema as the BFF, its refusals beside their fields. */
export function AddUserForm() {
  const add = useAddUser()
  const [done, setDone] = useState<string | null>(null)
  const form = useForm<CreateUserRequest>({
    resolver: zodResolver(createUserRequestSchema),
    defaultValues: { name: '', role: 'viewer', password: '' },
  })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null)
    try {
      const user = await add.mutateAsync(values)
      setDone(`Added ${user.name} as ${user.role}.`)
      form.reset()
    } catch (error) {
      showServerErrors(error, ['name', 'role', 'password'], form.setError)
    }
  })

  return (
    <section aria-labelledby="add-user-title" className="panel">
      <h2 id="add-user-title">Add a user</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label="Name"
          autoComplete="off"
          hint="Letters, digits, dots, underscores or hyphens; up to 64."
          error={errors.name}
          {...form.register('name')}
        />
        <SelectField
          label="Role"
          error={errors.role}
          {...form.register('role')}
        >
          <RoleOptions />
        </SelectField>
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Pass it on privately; the user signs in with it.`}
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
            {isSubmitting ? 'Adding…' : 'Add user'}
          </button>
          <p role="status">{done}</p>
        </div>
      </form>
    </section>
  )
}
