import Lozenge from '@atlaskit/lozenge';

export type HealthBand = 'green' | 'amber' | 'red';

const APPEARANCE = { green: 'success', amber: 'moved', red: 'removed' } as const;

/** "72 green": the score with its band in words, so colour is never the only signal. */
export function healthText(score: number | null, band: HealthBand | null): string {
  return score === null || band === null ? 'no score' : `${score} ${band}`;
}

export function HealthLozenge({ score, band, testId }: { score: number | null; band: HealthBand | null; testId?: string }) {
  if (score === null || band === null) {
    return (
      <Lozenge appearance="default" testId={testId}>
        n/a
      </Lozenge>
    );
  }
  return (
    <Lozenge appearance={APPEARANCE[band]} isBold testId={testId}>
      {healthText(score, band)}
    </Lozenge>
  );
}
