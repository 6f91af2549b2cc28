'use client';

import type { Client } from '@urql/core';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createBrowserClient, type LiveConnection } from '../../lib/graphql/client';

const LiveContext = createContext<{ client: Client | null; connection: LiveConnection }>({ client: null, connection: 'idle' });

/** The page's GraphQL client and the state of its live connection, for everything below it. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<LiveConnection>('idle');
  const [{ client, ws }] = useState(() => (typeof window === 'undefined' ? { client: null, ws: null } : createBrowserClient(setConnection)));
  useEffect(() => () => void ws?.dispose(), [ws]);
  if (!client) return <LiveContext.Provider value={{ client: null, connection }}>{children}</LiveContext.Provider>;
  return (
    <LiveContext.Provider value={{ client, connection }}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </LiveContext.Provider>
  );
}

export function useLiveContext() {
  return useContext(LiveContext);
}
