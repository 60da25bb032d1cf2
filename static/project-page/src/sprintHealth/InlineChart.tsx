import type { CSSProperties, ReactNode } from 'react';

/** A tiny chart in a table cell: one labelled image to screen readers, the label also shown as its tooltip. */
export function InlineChart(props: {
  width: number;
  height: number;
  label: string;
  testId?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <svg
      width={props.width}
      height={props.height}
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ display: 'block', ...props.style }}
    >
      <title>{props.label}</title>
      {props.children}
    </svg>
  );
}
