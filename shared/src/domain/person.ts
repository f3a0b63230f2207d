import * as z from 'zod/mini';
import { LIMITS } from '../limits';
import { Id, requiredText, text } from './common';

export const ROLES = ['employee', 'hr'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(LIMITS.emailMax)), z.email());
export const Password = z.string().check(z.minLength(LIMITS.passwordMin), z.maxLength(LIMITS.passwordMax));

/** What every signed-in person may know about another person of the organisation. */
export const PersonSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  department: z.string(),
  managerId: z.nullable(Id),
  role: Role,
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  reportCount: z.number(),
});
export type Person = z.infer<typeof PersonSchema>;

/** The person asking, as the server established it from the session. Never taken from the client. */
export interface Actor {
  personId: string;
  role: Role;
}

export const SetupInput = z.strictObject({
  orgName: requiredText(LIMITS.orgNameMax),
  name: requiredText(LIMITS.nameMax),
  email: Email,
  password: Password,
});

export const SignInInput = z.strictObject({ email: Email, password: z.string().check(z.maxLength(LIMITS.passwordMax)) });
export const SetPasswordInput = z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(100)), password: Password });

export const NewPersonInput = z.strictObject({
  name: requiredText(LIMITS.nameMax),
  email: Email,
  department: text(LIMITS.departmentMax),
  managerEmail: z.optional(z.union([Email, z.literal('')])),
  role: Role,
});
export type NewPersonInput = z.infer<typeof NewPersonInput>;

export const UpdatePersonInput = z.strictObject({
  id: Id,
  name: z.optional(requiredText(LIMITS.nameMax)),
  email: z.optional(Email),
  department: z.optional(text(LIMITS.departmentMax)),
  managerId: z.optional(z.nullable(Id)),
  role: z.optional(Role),
  disabled: z.optional(z.boolean()),
});
