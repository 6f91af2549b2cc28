/** Shared looks of Radix menus and popovers (one place, both themes). */
export const menuContent = 'z-50 min-w-44 rounded-md border border-border bg-surface p-1 text-sm text-text shadow-lg';
export const menuItem = 'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-surface-2';
export const menuLabel = 'px-2 py-1 text-xs text-muted';
