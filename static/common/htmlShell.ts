import type { Plugin } from 'vite';

/**
 * Every Custom UI app's page is the same shell; each `static/<app>/index.html` names only its title and its
 * entry script, and this plugin wraps them in the one document before Vite bundles the scripts it finds.
 */
export function sharedHtmlShell(): Plugin {
  return {
    name: 'process-loop:shared-html-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
        const entry = /<script type="module" src="([^"]+)"><\/script>/.exec(html)?.[1];
        if (!title || !entry) throw new Error(`${context.filename} needs a <title> and a <script type="module" src="…">.`);
        return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="${entry}"></script>
  </body>
</html>
`;
      },
    },
  };
}
