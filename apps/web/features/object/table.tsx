import type { ReactNode } from 'react';

// Cell looks shared by the object pages' tables.
const th = 'px-4 py-2 text-left text-xs font-medium whitespace-nowrap text-muted';
export const td = 'px-4 py-2 align-top';

/** A table's head row: one column header per entry (false/null entries are left out). */
export function TableHead({ columns }: { columns: (ReactNode | false | null)[] }) {
  return (
    <thead className="border-b border-border">
      <tr>
        {columns
          .filter((c) => c !== false && c !== null)
          .map((c, i) => (
            <th key={i} scope="col" className={th}>
              {c}
            </th>
          ))}
      </tr>
    </thead>
  );
}
