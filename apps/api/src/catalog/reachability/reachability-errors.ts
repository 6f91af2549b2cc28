import { DomainError } from '../../errors/domain-error.js';
import type { CatalogService } from '../services/catalog-service.js';

/** reachable-from of a service without pods of its own to reach: VALIDATION_FAILED naming the selector. */
export function noSelector(s: CatalogService): DomainError {
  const why = s.type === 'ExternalName' ? 'is an ExternalName service (a DNS alias, no pods behind it)' : 'has no selector (its endpoints are managed by someone else)';
  return DomainError.validation([{ field: 'selector', rule: 'required', message: `service ${s.namespace}/${s.name} ${why}: reachability is known only for pods a selector picks` }]);
}
