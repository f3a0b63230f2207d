import type { Person, Role } from '@merit/shared/domain/person';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError, errorCode } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError, SelectField, TextField } from '@/ui/field';
import { goBack } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { useInvite } from './use-invite';
import { ROLE_WORDS, statusOf, usePeople, useRefreshPeople } from './use-people';

type Fields = Pick<Person, 'name' | 'email' | 'department' | 'managerId' | 'role'>;

/** Only what changed goes to the server, so the audit log records exactly the fields HR edited. */
function changed(before: Fields, after: Fields) {
  return {
    ...(after.name !== before.name ? { name: after.name } : {}),
    ...(after.email !== before.email ? { email: after.email } : {}),
    ...(after.department !== before.department ? { department: after.department } : {}),
    ...(after.managerId !== before.managerId ? { managerId: after.managerId } : {}),
    ...(after.role !== before.role ? { role: after.role } : {}),
  };
}

function Form({ person, people }: { person: Person; people: Person[] }) {
  const toast = useToast();
  const refresh = useRefreshPeople();
  const invite = useInvite();
  const [v, setV] = useState<Fields>(person);
  const save = useMutation({
    mutationFn: () => trpc.people.update.mutate({ id: person.id, ...changed(person, v) }),
    onSuccess: async (p) => {
      toast(`${p.name} saved`);
      await refresh();
      goBack('/people');
    },
  });
  const server = save.error ? errorCode(save.error).domain : undefined;
  const err = (f: keyof Fields) => (server?.field === f ? server.message : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(changed(person, v)).length === 0) goBack('/people');
    else save.mutate();
  };
  const managers = people.filter((p) => p.id !== person.id && !p.disabled);
  const status = statusOf(person);
  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>
        <span className={`badge badge-${status.tone}`}>{status.text}</span>
        {person.reportCount > 0 && <span className="muted"> · manages {person.reportCount}</span>}
      </p>
      <TextField label="Name" value={v.name} required error={err('name')} onChange={(e) => setV({ ...v, name: e.target.value })} />
      <TextField
        label="E-mail"
        type="email"
        inputMode="email"
        autoCapitalize="none"
        value={v.email}
        error={err('email')}
        hint="They sign in with this address."
        onChange={(e) => setV({ ...v, email: e.target.value })}
      />
      <TextField
        label="Department"
        value={v.department}
        error={err('department')}
        onChange={(e) => setV({ ...v, department: e.target.value })}
      />
      <SelectField
        label="Manager"
        value={v.managerId ?? ''}
        error={err('managerId')}
        hint="Their new manager sees their shared goals, wins and feedback from the next sync; the old one no longer does."
        onChange={(e) => setV({ ...v, managerId: e.target.value || null })}
      >
        <option value="">No manager</option>
        {managers.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} · {m.department || 'no department'}
          </option>
        ))}
      </SelectField>
      <SelectField label="Role" value={v.role} error={err('role')} onChange={(e) => setV({ ...v, role: e.target.value as Role })}>
        {(['employee', 'hr'] as const).map((r) => (
          <option key={r} value={r}>
            {ROLE_WORDS[r]}
          </option>
        ))}
      </SelectField>
      <FormError>{save.error && !server?.field ? describeError(save.error) : invite.error ? describeError(invite.error) : null}</FormError>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
        {!person.disabled && (
          <button type="button" className="btn btn-secondary" disabled={invite.isPending} onClick={() => invite.mutate([person.id])}>
            {person.hasPassword ? 'E-mail a password reset link' : 'E-mail the invitation again'}
          </button>
        )}
        <button type="button" className="btn btn-ghost" onClick={() => goBack('/people')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** HR edits every field of a person; the server checks manager loops, the last HR admin and unique e-mails. */
export function EditPerson({ id }: { id: string }) {
  const people = usePeople();
  const person = people.data?.find((p) => p.id === id);
  return (
    <Screen title={person ? `Edit ${person.name}` : 'Edit person'}>
      {people.isPending ? (
        <Spinner label="Loading" />
      ) : people.error ? (
        <EmptyState title="Could not load people">{describeError(people.error)}</EmptyState>
      ) : !person ? (
        <EmptyState title="This person is not in Merit" />
      ) : (
        <Form key={person.id} person={person} people={people.data} />
      )}
    </Screen>
  );
}
