import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';
import '@atlaskit/css-reset';

/**
 * Starts a Custom UI app: follow the host's light/dark theme (the host sets `data-color-mode` on our
 * `<html>` and provides the token CSS), then render. Theming failing must not keep the app from showing.
 */
export async function mountApp(app: ReactNode): Promise<void> {
  try {
    await view.theme.enable();
  } catch (error) {
    console.warn('Process Loop: theming is not available here; using the default colours.', error);
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('Process Loop: the page has no #root element.');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
