import { Injectable } from '@nestjs/common';
import { equalitySelectorMap, labelValueErrors, qualifiedNameErrors, tryParseLabelSelector } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { FieldIssue } from '../../errors/error-codes.js';
import type { PodLabelsModel } from './pod-labels.model.js';
import { PodLabelsRepository } from './pod-labels.repository.js';

/**
 * What the create-service form needs to pick a selector: the labels the namespace's
 * pods carry and how many pods a selector would match, within the caller's read scope.
 */
@Injectable()
export class PodLabelsService {
  constructor(
    private readonly repo: PodLabelsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async summary(caller: Caller, cluster: string, namespace: string, selector: Record<string, string> | null): Promise<PodLabelsModel> {
    const issues: FieldIssue[] = [];
    for (const [k, v] of Object.entries(selector ?? {})) {
      for (const e of qualifiedNameErrors(k)) issues.push({ field: 'selector', rule: 'qualifiedName', message: `selector: key ${e}, got ${JSON.stringify(k)}` });
      for (const e of labelValueErrors(v)) issues.push({ field: 'selector', rule: 'labelValue', message: `selector: value of ${k} ${e}, got ${JSON.stringify(v)}` });
    }
    if (issues.length) throw DomainError.validation(issues);
    const rows = await this.repo.summary(cluster, namespace, selector && Object.keys(selector).length ? selector : null, this.access.readScope(caller));
    return { cluster, namespace, ...rows };
  }

  /** REST's `selector=app=web,tier=fe` as a map; set-based selectors are refused (a service takes pairs only). */
  parseSelector(text: string | undefined): Record<string, string> | null {
    if (!text?.trim()) return null;
    const parsed = tryParseLabelSelector(text);
    const map = parsed.ok ? equalitySelectorMap(parsed.requirements) : null;
    if (!parsed.ok) throw DomainError.validation([{ field: 'selector', rule: 'labelSelector', message: `selector: ${parsed.error.message}` }]);
    if (!map) throw DomainError.validation([{ field: 'selector', rule: 'labelSelector', message: 'selector: a service selector takes key=value pairs only, each key once' }]);
    return map;
  }
}
