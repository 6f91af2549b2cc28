'use client';

import { Search } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';

// The dialog (cmdk, its search) is ~20 kB of script every signed-in page would load for a
// palette most visits never open: it loads on the first intent (hover, focus, Ctrl K).
const loadDialog = () => import('./palette-dialog');
const PaletteDialog = lazy(loadDialog);

/** Jump to any service in any cluster by name (⌘K / Ctrl+K, or "/"); `actions` are what the user may start from here (only those their role allows). */
export function CommandPalette({ actions = [] }: { actions?: { label: string; href: string }[] }) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        setWanted(true);
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        className="flex h-8 w-72 cursor-pointer items-center gap-2 rounded-md border border-border bg-surface-2 px-2.5 text-sm text-muted hover:border-border-strong"
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        data-testid="open-palette"
      >
        <Search aria-hidden className="size-4" />
        <span className="flex-1 text-left">Jump to a service…</span>
        <kbd className="rounded border border-border bg-surface px-1 text-[10px] text-muted">Ctrl K</kbd>
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <PaletteDialog open={open} setOpen={setOpen} actions={actions} />
        </Suspense>
      )}
    </>
  );
}
