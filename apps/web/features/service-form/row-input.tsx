import { CircleAlert } from 'lucide-react';
import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { controlClass } from '../../components/ui/field';
import { cn } from '../../lib/cn';

/** A control in a table of rows: named by aria-label (the column header is visual), its message tied to it by id. */
export function RowInput({ label, error, errorId, className, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; errorId?: string }) {
  return <input aria-label={label} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} className={cn(controlClass, 'h-8 text-[13px]', className)} {...props} />;
}

export function RowSelect({ label, className, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string }) {
  return <select aria-label={label} className={cn(controlClass, 'h-8 pr-6 text-[13px]', className)} {...props} />;
}

/** The messages of one row, under it, each with the id its control points at. */
export function RowErrors({ errors }: { errors: { id: string; message: string }[] }) {
  if (!errors.length) return null;
  return (
    <ul className="flex flex-col gap-0.5 pt-1">
      {errors.map((e) => (
        <li key={e.id} id={e.id} className="flex items-start gap-1 text-xs text-bad" data-field-error>
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
