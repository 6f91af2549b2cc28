import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { toKeyValues } from '../shared/label.model.js';
import type { NamespaceModel } from './namespace.model.js';
import { NamespacesRepository } from './namespaces.repository.js';

@Injectable()
export class NamespacesService {
  constructor(
    private readonly repo: NamespacesRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(caller: Caller, clusters?: string[]): Promise<NamespaceModel[]> {
    return (await this.repo.list(clusters, this.access.readScope(caller))).map((n) => ({ ...n, labels: toKeyValues(n.labels) }));
  }
}
