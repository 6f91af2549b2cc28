import { Slot } from 'radix-ui';
import type { ButtonHTMLAttributes } from 'react';
import { cn } from '../../lib/cn';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';
type Size = 'sm' | 'md' | 'icon';

const VARIANT: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90 border border-transparent',
  secondary: 'bg-surface text-text border border-border-strong hover:bg-surface-2',
  ghost: 'bg-transparent text-text border border-transparent hover:bg-surface-2',
  // Text on the red reads in both themes (the dark theme's red is light).
  danger: 'bg-bad text-bad-fg border border-transparent hover:opacity-90',
};
const SIZE: Record<Size, string> = { sm: 'h-7 px-2 text-xs gap-1', md: 'h-9 px-3 text-sm gap-2', icon: 'h-8 w-8 justify-center' };

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
  /** Render the child (e.g. a Link) with the button's look. */
  asChild?: boolean;
}

export function Button({ variant = 'secondary', size = 'md', asChild, className, type, ...props }: ButtonProps) {
  const Comp = asChild ? Slot.Root : 'button';
  return (
    <Comp
      type={asChild ? undefined : (type ?? 'button')}
      className={cn('inline-flex shrink-0 cursor-pointer items-center rounded-md font-medium whitespace-nowrap no-underline transition-colors disabled:cursor-default disabled:opacity-50', VARIANT[variant], SIZE[size], className)}
      {...props}
    />
  );
}
