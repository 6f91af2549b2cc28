'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTheme } from 'next-themes';
import { Popover } from 'radix-ui';
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';
import { menuContent, menuItem } from '../../components/ui/menu';

// A popover with three radio buttons rather than a dropdown menu: the header's popovers
// (identity, the catalog's filters) already load Radix's Popover, while DropdownMenu added
// ~10 kB of script to every page for this one control.

const CHOICES = [
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
  { value: 'system', label: 'System', icon: Monitor },
] as const;

/** Light, dark, or the system's (the default); remembered in this browser. */
export function ThemeToggle() {
  const { theme, resolvedTheme, setTheme } = useTheme();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const Icon = mounted && resolvedTheme === 'dark' ? Moon : Sun;
  const current = theme ?? 'system';
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Theme: ${mounted ? current : 'system'}`} data-testid="theme-toggle">
          <Icon aria-hidden className="size-4" />
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} aria-label="Theme" className={menuContent}>
          <fieldset>
            <legend className="sr-only">Theme</legend>
            {CHOICES.map(({ value, label, icon: ChoiceIcon }) => (
              <label key={value} className={`${menuItem} has-[:focus-visible]:bg-surface-2 hover:bg-surface-2`}>
                <input type="radio" name="theme" value={value} checked={current === value} onChange={() => setTheme(value)} className="sr-only" />
                <ChoiceIcon aria-hidden className="size-4" />
                {label}
                {current === value && (
                  <span aria-hidden className="ml-auto text-xs text-accent">
                    ●
                  </span>
                )}
              </label>
            ))}
          </fieldset>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
