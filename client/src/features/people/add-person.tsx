import { NewPersonInput, type Role } from '@merit/shared/domain/person';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { describeError, errorCode } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { LinkBox } from '@/ui/copy-button';
import { FormError, SelectField, TextField } from '@/ui/field';
import { labelledResolver } from '@/ui/form-resolver';
import { goBack, navigate } from '@/ui/router';
import { Screen } from '@/ui/screen';
import { useRefreshPeople } from './use-people';

interface Values {
  name: string;
  email: string;
  department: string;
  managerEmail: string;
  role: Role;
}
const LABELS = { name: 'Name', email: 'Email', department: 'Department', managerEmail: "Manager's email", role: 'Role' } as const;
const resolver = labelledResolver<Values, NewPersonInput>(NewPersonInput, LABELS);
const EMPTY: Values = { name: '', email: '', department: '', managerEmail: '', role: 'employee' };

export function AddPerson() {
  const refresh = useRefreshPeople();
  const add = useMutation({
    mutationFn: (v: NewPersonInput) => trpc.people.add.mutate(v),
    onSuccess: async () => {
      window.scrollTo(0, 0);
      await refresh();
    },
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Values, unknown, NewPersonInput>({ resolver, defaultValues: EMPTY });

  if (add.data) {
    const { person, setPasswordUrl } = add.data;
    return (
      <Screen title="Person added" lead={`${person.name} is in Merit. Send them this link so they can set a password. It works once.`}>
        <LinkBox url={setPasswordUrl} />
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary btn-block"
            onClick={() => {
              reset(EMPTY);
              add.reset();
            }}
          >
            Add another person
          </button>
          <button type="button" className="btn btn-ghost btn-block" onClick={() => navigate('/people', { replace: true })}>
            Done
          </button>
        </div>
      </Screen>
    );
  }

  // The server names the field at fault ("Someone in Merit already has this email"): show it under that field.
  const server = add.error ? errorCode(add.error).domain : undefined;
  const fieldError = (f: keyof Values) => errors[f]?.message ?? (server?.field === f ? server.message : undefined);

  return (
    <Screen title="Add person">
      <form className="form" noValidate onSubmit={handleSubmit((v) => add.mutate(v))}>
        <TextField label={LABELS.name} autoComplete="off" autoFocus error={fieldError('name')} {...register('name')} />
        <TextField
          label={LABELS.email}
          type="email"
          inputMode="email"
          autoCapitalize="none"
          autoComplete="off"
          error={fieldError('email')}
          {...register('email')}
        />
        <TextField label={LABELS.department} autoComplete="off" error={fieldError('department')} {...register('department')} />
        <TextField
          label={LABELS.managerEmail}
          type="email"
          inputMode="email"
          autoCapitalize="none"
          autoComplete="off"
          hint="Optional. Their manager must already be in Merit."
          error={fieldError('managerEmail')}
          {...register('managerEmail')}
        />
        <SelectField label={LABELS.role} error={fieldError('role')} {...register('role')}>
          <option value="employee">Employee</option>
          <option value="hr">HR admin</option>
        </SelectField>
        <FormError>{add.error && !server?.field ? describeError(add.error) : null}</FormError>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-block" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add person'}
          </button>
          <button type="button" className="btn btn-ghost btn-block" onClick={() => goBack('/people')}>
            Cancel
          </button>
        </div>
      </form>
    </Screen>
  );
}
