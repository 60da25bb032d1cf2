import path from 'node:path';

/**
 * The Atlassian design tokens as CSS, built from @atlaskit/tokens' own theme artifacts: what Jira loads
 * for its pages and for Custom UI frames that call `view.theme.enable()`. The selectors in the artifacts
 * need `data-color-mode` and `data-theme` (`light:light dark:dark spacing:spacing …`) on <html>.
 */
export type ColorMode = 'light' | 'dark';

export const THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography shape:shape';

const SHARED_THEMES = ['atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];
const cache = new Map<ColorMode, string>();

function themeCss(name: string): string {
  const tokensDir = path.dirname(require.resolve('@atlaskit/tokens/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the theme module is picked at run time, by name
  const artifact = require(path.join(tokensDir, 'dist', 'cjs', 'artifacts', 'themes', `${name}.js`)) as { default?: unknown };
  if (typeof artifact.default !== 'string') throw new Error(`@atlaskit/tokens: theme ${name} has no CSS.`);
  return artifact.default;
}

export function tokensCss(mode: ColorMode): string {
  let css = cache.get(mode);
  if (css === undefined) {
    css = [
      `/* Atlassian design tokens (${mode}), from @atlaskit/tokens */`,
      themeCss(`atlassian-${mode}`),
      ...SHARED_THEMES.map(themeCss),
    ].join('\n');
    cache.set(mode, css);
  }
  return css;
}

export function isColorMode(value: unknown): value is ColorMode {
  return value === 'light' || value === 'dark';
}
