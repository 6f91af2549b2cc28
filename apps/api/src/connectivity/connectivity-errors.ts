import { describeManifestIssue, type ManifestInputError, type ReachabilityTooLargeError } from '@switchboard/k8s-model';
import { DomainError } from '../errors/domain-error.js';

/**
 * Bad manifests: MANIFEST_INVALID (422), one detail per problem. `field` is
 * `documents[<n>].<path>` (n 1-based, per file), the message names the file,
 * document, object and rule so it reads on its own.
 */
export function manifestInvalid(err: ManifestInputError): DomainError {
  const details = err.issues.map((i) => ({
    field: `documents[${i.document}]${i.field ? `.${i.field}` : ''}`,
    message: describeManifestIssue(i),
    rule: i.field === '' && i.rule.startsWith('unparseable YAML') ? 'yaml' : 'manifest',
    document: i.document,
    ...(i.file ? { file: i.file } : {}),
    ...(i.line ? { line: i.line } : {}),
    ...(i.object ? { object: `${i.object.kind} ${i.object.namespace}/${i.object.name}` } : {}),
  }));
  const n = details.length;
  return new DomainError('MANIFEST_INVALID', n === 1 ? details[0]!.message : `${n} problems in the manifests; the first: ${details[0]!.message}`, details);
}

/** More workloads (and outside ranges) than one what-if answers: VALIDATION_FAILED on `manifests`. */
export function tooLarge(err: ReachabilityTooLargeError): DomainError {
  return DomainError.validation([
    { field: 'manifests', rule: 'limit', message: `${err.message}: analyse one namespace (or a few) at a time` },
  ]);
}
