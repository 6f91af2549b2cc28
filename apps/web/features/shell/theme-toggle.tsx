'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTheme } from 'next-themes';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';
import { menuContent, menuItem } from '../../components/ui/menu';

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
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Theme: ${mounted ? (theme ?? 'system') : 'system'}`} data-testid="theme-toggle">
          <Icon aria-hidden className="size-4" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={menuContent}>
          <DropdownMenu.RadioGroup value={theme ?? 'system'} onValueChange={setTheme}>
            {CHOICES.map(({ value, label, icon: ChoiceIcon }) => (
              <DropdownMenu.RadioItem key={value} value={value} className={menuItem}>
                <ChoiceIcon aria-hidden className="size-4" />
                {label}
                <DropdownMenu.ItemIndicator className="ml-auto text-xs text-accent">●</DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
