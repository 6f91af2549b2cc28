'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../../lib/cn';

/** Copies `text`; its accessible name is "Copy <text>" (or `label`), and it says when it worked. */
export function CopyButton({ text, label, className, showText }: { text: string; label?: string; className?: string; showText?: boolean }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 1600);
  };
  const name = label ?? `Copy ${text}`;
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={name}
      title={copied === 'failed' ? 'The browser refused the clipboard: select the text instead' : name}
      className={cn('inline-flex h-7 shrink-0 cursor-pointer items-center gap-1 rounded-md border border-border bg-surface px-1.5 text-xs text-muted hover:bg-surface-2 hover:text-text', className)}
    >
      {copied === 'yes' ? <Check aria-hidden className="size-3.5 text-ok" /> : <Copy aria-hidden className="size-3.5" />}
      {showText && <span>{copied === 'yes' ? 'Copied' : 'Copy'}</span>}
      <span role="status" className="sr-only">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  );
}
