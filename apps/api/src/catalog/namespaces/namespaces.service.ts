import { Injectable } from '@nestjs/common';
import { toKeyValues } from '../shared/label.model.js';
import type { NamespaceModel } from './namespace.model.js';
import { NamespacesRepository } from './namespaces.repository.js';

@Injectable()
export class NamespacesService {
  constructor(private readonly repo: NamespacesRepository) {}

  async list(clusters?: string[]): Promise<NamespaceModel[]> {
    return (await this.repo.list(clusters)).map((n) => ({ ...n, labels: toKeyValues(n.labels) }));
  }
}
