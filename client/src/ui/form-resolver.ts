import { zodResolver } from '@hookform/resolvers/zod';
import { formatIssues } from '@merit/shared/errors';
import type { FieldValues, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';

/**
 * A react-hook-form resolver from a shared zod/mini schema, so a form refuses exactly what the server would.
 * @hookform/resolvers' zodResolver takes zod/mini schemas as they are; only the words are ours: the shared
 * wording ("title is required") with the label the person sees, "Title is required".
 */
export function labelledResolver<In extends FieldValues, Out>(
  schema: z.ZodMiniType<Out, FieldValues>,
  labels: Partial<Record<keyof In & string, string>>,
): Resolver<In, unknown, Out> {
  const error = (issue: z.core.$ZodRawIssue): string => {
    const key = String(issue.path?.[0] ?? '') as keyof In & string;
    if (issue.code === 'custom' && issue.message) return issue.message;
    // An empty field is missing, whatever format it should have had: "Email is required".
    if (issue.input === '') return `${labels[key] ?? 'This field'} is required`;
    const words = formatIssues([{ ...issue, path: [] } as z.core.$ZodIssue]).message.replace(/^Input /, '');
    return `${labels[key] ?? 'This field'} ${words}`;
  };
  return zodResolver(schema, { error }) as Resolver<In, unknown, Out>;
}
