import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import { CircleAlert } from 'lucide-react';
import { cn } from '../../lib/cn';

export const controlClass =
  'h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 text-sm text-text placeholder:text-faint aria-[invalid=true]:border-bad aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-bad/40 disabled:opacity-60';

export interface FieldProps {
  label: ReactNode;
  /** Shown under the label: what the field is for, its format. */
  hint?: ReactNode;
  /** The validation message (from k8s-model or the API), next to the field. */
  error?: string | null;
  required?: boolean;
  className?: string;
  /** Renders the control with the ids that tie label, hint and error to it. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled form control with its hint and its error, wired for screen readers. */
export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex min-w-0 flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-text">
        {label}
        {required && (
          <span aria-hidden className="text-bad">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {children({ id, describedBy, invalid: !!error })}
      {error && (
        <p id={errorId} className="flex items-start gap-1 text-xs text-bad" data-field-error>
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}

type Wired = { id: string; describedBy: string | undefined; invalid: boolean };

export function TextInput({ wired, className, ...props }: InputHTMLAttributes<HTMLInputElement> & { wired: Wired }) {
  return <input id={wired.id} aria-describedby={wired.describedBy} aria-invalid={wired.invalid || undefined} className={cn(controlClass, className)} {...props} />;
}

export function SelectInput({ wired, className, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { wired: Wired }) {
  return <select id={wired.id} aria-describedby={wired.describedBy} aria-invalid={wired.invalid || undefined} className={cn(controlClass, 'pr-7', className)} {...props} />;
}

export function TextArea({ wired, className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { wired: Wired }) {
  return <textarea id={wired.id} aria-describedby={wired.describedBy} aria-invalid={wired.invalid || undefined} className={cn(controlClass, 'h-auto min-h-24 py-2 font-mono text-xs', className)} {...props} />;
}

/** A checkbox with its label on the right (and an optional hint under it). */
export function CheckboxField({ label, hint, checked, onChange, disabled }: { label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-0.5 size-4 accent-[var(--accent)]" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="text-sm text-text">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** The issues of one field path out of a list of validation issues (k8s-model's or the API's details). */
export function issueFor(issues: readonly { field: string; message: string }[], field: string): string | null {
  const hit = issues.find((i) => i.field === field);
  return hit ? hit.message : null;
}
