import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { healthText, type HealthBand } from './format';

const APPEARANCE = { green: 'success', amber: 'moved', red: 'removed' } as const;

/** Under a health lozenge whose score counts criteria resting on numbers that may be undercounted. */
export function IncompleteDataMarker() {
  return (
    <span data-testid="health-incomplete" style={{ display: 'block', color: token('color.text.warning'), font: token('font.body.small') }}>
      incomplete data
    </span>
  );
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
