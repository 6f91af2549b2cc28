'use client';

import dynamic from 'next/dynamic';
import { Card, CardHeader } from '../../components/ui/card';
import { Skeleton } from '../../components/ui/states';

// The graph (React Flow, and dagre in its worker) loads after the page is up, so the
// service's URLs paint first and the route's own JavaScript stays small.
const ServiceNeighbourhood = dynamic(() => import('../topology/service-neighbourhood').then((m) => m.ServiceNeighbourhood), {
  ssr: false,
  loading: () => (
    <Card aria-label="Neighbourhood, loading">
      <CardHeader title="Neighbourhood" description="Loading the graph of its ingresses, pods and endpoints…" />
      <div className="p-4">
        <Skeleton className="h-64 w-full" />
      </div>
    </Card>
  ),
});

export function NeighbourhoodSection(props: { cluster: string; namespace: string; name: string }) {
  return <ServiceNeighbourhood {...props} />;
}
