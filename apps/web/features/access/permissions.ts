import { type AccessProfile, type GrantScope, roleAtLeast, scopeCoversNamed, scopeTouchesClusterNamed, writeScopeOf } from '@switchboard/k8s-model';
import type { ShellQuery } from '../../lib/graphql/generated/graphql';

export type Me = ShellQuery['me'];

/** The signed-in identity in the shape k8s-model's access rules take (grants by cluster name). */
export function accessProfileOf(me: Me): AccessProfile {
  const grants: GrantScope[] = me.grants.map((g) => ({ clusterId: g.cluster, clusterName: g.cluster, namespacePattern: g.namespace }));
  return { role: me.role, readScope: me.readScope, grants };
}

/**
 * What the dashboard offers: the same rules the API enforces (it still enforces them;
 * these only decide which controls are drawn, so a viewer sees none).
 */
export function permissionsOf(me: Me) {
  const write = writeScopeOf(accessProfileOf(me));
  return {
    /** May change services and ingresses in this namespace of this cluster. */
    canChange: (cluster: string, namespace: string) => scopeCoversNamed(write, cluster, namespace),
    /** May change anything at all in this cluster (offer "create" there). */
    canChangeIn: (cluster: string) => scopeTouchesClusterNamed(write, cluster),
    /** May change anything anywhere (show "create" buttons at all). */
    canChangeAnything: write.all || write.grants.length > 0,
    /** Clusters, tokens, grants and the audit log. */
    isAdmin: me.role === 'admin',
    /** May take over fields another field manager owns (force). Operators and admins within their grants. */
    canForce: roleAtLeast(me.role, 'operator'),
  };
}

export type Permissions = ReturnType<typeof permissionsOf>;
