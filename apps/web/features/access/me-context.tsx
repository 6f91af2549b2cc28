'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Me, type Permissions, permissionsOf } from './permissions';

const MeContext = createContext<{ me: Me; permissions: Permissions } | null>(null);

/** The signed-in identity (from the layout's query) for every client component below it. */
export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const value = useMemo(() => ({ me, permissions: permissionsOf(me) }), [me]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** Who is signed in and what the dashboard offers them (the API enforces it regardless). */
export function useMe(): { me: Me; permissions: Permissions } {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe() outside the signed-in layout');
  return value;
}
