import { Chip } from './badge';

/** Labels, annotations, selectors: `key=value` chips, or a sentence when there are none. */
export function KeyValueChips({ items, empty, max }: { items: readonly { key: string; value: string }[]; empty: string; max?: number }) {
  if (items.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  const shown = max ? items.slice(0, max) : items;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={`${items.length} entries`}>
      {shown.map((kv) => (
        <li key={kv.key} className="max-w-full">
          <Chip mono title={`${kv.key}=${kv.value}`}>
            <span className="text-muted">{kv.key}</span>
            {kv.value !== '' && <span>={kv.value}</span>}
          </Chip>
        </li>
      ))}
      {max && items.length > max && <li className="text-xs text-muted">+{items.length - max} more</li>}
    </ul>
  );
}

/** A definition list for facts about an object. */
export function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="min-w-0 break-words text-text">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
