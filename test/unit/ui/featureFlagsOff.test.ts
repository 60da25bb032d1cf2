import type { TransformResult } from 'vite';
import { atlaskitFeatureFlagsOff } from '../../../static/common/featureFlagsOff';

/** The build-time stand-in for Atlaskit feature flags: `fg('…')` becomes `false`, nothing else moves. */
const plugin = atlaskitFeatureFlagsOff();
const transform = (code: string, id: string) =>
  (plugin.transform as (code: string, id: string) => TransformResult | null).call({}, code, id);

const atlaskitModule = [
  "import { fg } from '@atlaskit/platform-feature-flags';",
  "export const menu = fg('platform_select_top_layer') ? topLayer() : portal();",
  'export const other = fg("a.b/c-d:e") && 1;',
].join('\n');

describe('atlaskitFeatureFlagsOff', () => {
  it('answers every flag of an Atlaskit module with false, keeping each line the same length', () => {
    const result = transform(atlaskitModule, '/repo/node_modules/@atlaskit/select/dist/esm/menu.js');
    const code = typeof result === 'object' && result !== null ? (result.code ?? '') : '';
    expect(code).not.toMatch(/fg\(/);
    expect(code).toContain('export const menu = false');
    expect(code.split('\n').map((line) => line.length)).toEqual(atlaskitModule.split('\n').map((line) => line.length));
  });

  it('leaves the app’s own code and Atlaskit modules without the flag import alone', () => {
    expect(transform(atlaskitModule, '/repo/static/issue-panel/src/IssuePanel.tsx')).toBeNull();
    expect(transform("const fg = (x) => x; fg('keep');", '/repo/node_modules/@atlaskit/button/dist/esm/index.js')).toBeNull();
  });
});
