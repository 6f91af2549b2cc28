'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { CatalogChangeFilter } from '../../lib/graphql/generated/graphql';
import { useLiveContext } from './live-provider';
import { CatalogChangedSubscription, ClusterStatusChangedSubscription } from './queries';

export interface LiveInterest {
  /** Catalog changes to react to; omit for none. `{}` means every change. */
  catalog?: CatalogChangeFilter;
  /** Cluster status transitions of these clusters (`[]`: every cluster); omit for none. */
  clusterStatus?: string[];
}

/**
 * Calls `onChange` (default: re-render the page's server components) when something the
 * page shows changed. Bursts are coalesced: at most one call per `minIntervalMs`, and
 * always one after the last event, so a relist of 10k objects costs one refresh.
 */
export function useLive(interest: LiveInterest, onChange?: () => void, minIntervalMs = 750): void {
  const { client, connection } = useLiveContext();
  const router = useRouter();
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = JSON.stringify(interest);

  // Events sent while the connection was down are lost: catch up once it is back.
  const wasDown = useRef(false);
  useEffect(() => {
    if (connection === 'reconnecting') wasDown.current = true;
    else if (connection === 'connected' && wasDown.current) {
      wasDown.current = false;
      if (callback.current) callback.current();
      else router.refresh();
    }
  }, [connection, router]);

  useEffect(() => {
    if (!client) return;
    const parsed = JSON.parse(key) as LiveInterest;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = Date.now();
      if (callback.current) callback.current();
      else router.refresh();
    };
    const changed = () => {
      if (timer) return;
      timer = setTimeout(fire, Math.max(50, minIntervalMs - (Date.now() - last)));
    };
    const subs = [
      parsed.catalog !== undefined ? client.subscription(CatalogChangedSubscription, { filter: parsed.catalog }).subscribe(changed) : null,
      parsed.clusterStatus !== undefined ? client.subscription(ClusterStatusChangedSubscription, { clusters: parsed.clusterStatus.length ? parsed.clusterStatus : null }).subscribe(changed) : null,
    ];
    return () => {
      if (timer) clearTimeout(timer);
      for (const s of subs) s?.unsubscribe();
    };
  }, [client, key, router, minIntervalMs]);
}

/** For server-rendered pages: a component that keeps them live. */
export function LiveRefresh(props: LiveInterest) {
  useLive(props);
  return null;
}
