import type { ApiProblem } from '../../lib/graphql/errors';

/** A message for one form field (same shape as k8s-model's validation issues). */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Splits an API refusal into the messages a form shows next to its fields and the rest,
 * shown next to the action. `fieldOf` maps the API's field path to the form's (return
 * null for a field the form does not have); by default every named field is the form's.
 */
export function splitProblem(problem: ApiProblem, fieldOf: (apiField: string) => string | null = (f) => f): { fields: FieldIssue[]; general: string[] } {
  const fields: FieldIssue[] = [];
  const general: string[] = [];
  for (const d of problem.details ?? []) {
    const field = d.field ? fieldOf(d.field) : null;
    if (field) fields.push({ field, message: d.message });
    else general.push(d.field ? `${d.field}: ${d.message}` : d.message);
  }
  return { fields, general };
}

/** The field managers a FIELD_MANAGER_CONFLICT names (the cluster's causes: `conflict with "argocd" using v1`). */
export function conflictingManagers(problem: ApiProblem): string[] {
  if (problem.code !== 'FIELD_MANAGER_CONFLICT') return [];
  const names = new Set<string>();
  for (const d of problem.details ?? []) for (const m of d.message.matchAll(/conflict with "([^"]+)"/g)) names.add(m[1]!);
  return [...names];
}

/** The fields a FIELD_MANAGER_CONFLICT is about, as the API names them. */
export function conflictingFields(problem: ApiProblem): string[] {
  if (problem.code !== 'FIELD_MANAGER_CONFLICT') return [];
  return [...new Set((problem.details ?? []).map((d) => d.field).filter(Boolean))];
}
