import { Module } from '@nestjs/common';
import { ClusterSummaryModule } from './cluster-summary/cluster-summary.module.js';
import { DiagnosticsQueryModule } from './diagnostics/diagnostics-query.module.js';
import { IngressesModule } from './ingresses/ingresses.module.js';
import { NamespacesModule } from './namespaces/namespaces.module.js';
import { NetworkPoliciesModule } from './network-policies/network-policies.module.js';
import { NodeModule } from './node/node.module.js';
import { ReachabilityModule } from './reachability/reachability.module.js';
import { ServiceGroupsModule } from './service-groups/service-groups.module.js';
import { ServicesModule } from './services/services.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { TopologyModule } from './topology/topology.module.js';
import { WorkloadsModule } from './workloads/workloads.module.js';

/** Read side of the catalog: services, ingresses, diagnostics, topology, network policies, workloads, reachability. */
@Module({ imports: [ServicesModule, IngressesModule, NodeModule, ServiceGroupsModule, TopologyModule, DiagnosticsQueryModule, SubscriptionsModule, NamespacesModule, ClusterSummaryModule, NetworkPoliciesModule, WorkloadsModule, ReachabilityModule] })
export class CatalogModule {}
