import type { CSSProperties } from 'react';

/** A table's header row: one column header per label, each in the table's cell style. */
export function ColumnHeaders({ labels, cellStyle }: { labels: readonly string[]; cellStyle?: CSSProperties }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" style={cellStyle}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
