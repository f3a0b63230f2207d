import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

interface FieldShell {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/**
 * Label, control, hint and error wired together: the error is announced with the field (aria-describedby)
 * and shown right under it, so a person sees which field to fix.
 */
function useField({ hint, error }: Pick<FieldShell, 'hint' | 'error'>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, control: { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } };
}

function Wrap({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  children,
}: FieldShell & { id: string; hintId?: string | undefined; errorId?: string | undefined; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = FieldShell & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
export function TextField({ label, hint, error, className, ...rest }: InputProps) {
  const f = useField({ hint, error });
  return (
    <Wrap id={f.id} label={label} hint={hint} hintId={f.hintId} error={error} errorId={f.errorId}>
      <input className={`input ${className ?? ''}`} {...f.control} {...rest} />
    </Wrap>
  );
}

type AreaProps = FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };
export function TextArea({ label, hint, error, className, ...rest }: AreaProps) {
  const f = useField({ hint, error });
  return (
    <Wrap id={f.id} label={label} hint={hint} hintId={f.hintId} error={error} errorId={f.errorId}>
      <textarea className={`input textarea ${className ?? ''}`} {...f.control} {...rest} />
    </Wrap>
  );
}

type SelectProps = FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };
export function SelectField({ label, hint, error, className, children, ...rest }: SelectProps) {
  const f = useField({ hint, error });
  return (
    <Wrap id={f.id} label={label} hint={hint} hintId={f.hintId} error={error} errorId={f.errorId}>
      <select className={`input select ${className ?? ''}`} {...f.control} {...rest}>
        {children}
      </select>
    </Wrap>
  );
}

/** A form-level message (a server answer that belongs to no single field). */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="form-error" role="alert">
      {children}
    </p>
  );
}
