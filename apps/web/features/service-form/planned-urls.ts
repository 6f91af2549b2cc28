/** On a dry run, where the service will be reachable: the API's prediction for the service it writes (its change's accessUrls). */
export function plannedUrls<U>(changes: readonly { kind: string; name: string; accessUrls: readonly U[] }[], name: string): U[] {
  return [...(changes.find((c) => c.kind === 'Service' && c.name === name)?.accessUrls ?? [])];
}
