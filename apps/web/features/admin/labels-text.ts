/**
 * Labels as people type them in one text box, "key=value" separated by commas or new
 * lines, to the map the API takes (k8s-model then checks keys and values). A piece with
 * no "=" comes back in `unparsed`, for a message next to the field.
 */
export function parseLabelsText(text: string): { labels: Record<string, string>; unparsed: string[] } {
  const labels: Record<string, string> = {};
  const unparsed: string[] = [];
  for (const piece of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
    const at = piece.indexOf('=');
    if (at <= 0) unparsed.push(piece);
    else labels[piece.slice(0, at).trim()] = piece.slice(at + 1).trim();
  }
  return { labels, unparsed };
}

export const labelsText = (labels: readonly { key: string; value: string }[]) => labels.map((l) => `${l.key}=${l.value}`).join(', ');

export const toLabelInputs = (labels: Record<string, string>) => Object.entries(labels).map(([key, value]) => ({ key, value }));
