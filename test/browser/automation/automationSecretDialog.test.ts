import { seriousViolations } from '../support/accessibility';
import type { BrowserWorkbench, ColorMode, WorkbenchPage } from '../support/browserWorkbench';
import { startAutomationWorkbench } from './ruleEditorDriver';

/**
 * The Automation tab's risky and handy bits: "Rotate secret" asks first and Cancel keeps the
 * secret; the URL and the secret copy to the clipboard, the secret even while hidden.
 */
jest.setTimeout(120_000);

let wb: BrowserWorkbench;
let admin: WorkbenchPage;

beforeAll(async () => {
  wb = await startAutomationWorkbench();
  admin = await openAs('light');
});

afterAll(async () => {
  admin?.expectNoProblems();
  await admin?.close();
  await wb?.close();
});

async function openAs(colorMode: ColorMode): Promise<WorkbenchPage> {
  const page = await wb.newPage({ as: 'admin', colorMode });
  page.page.setDefaultTimeout(15_000);
  await page.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wb.url });
  await page.openProjectPage('ITSM');
  await page.appFrame().getByTestId('tab-automation').click();
  await page.appFrame().getByLabel('URL', { exact: true }).waitFor();
  const create = page.appFrame().getByRole('button', { name: 'Create secret' });
  if ((await create.count()) > 0) {
    await create.click();
    await page.appFrame().getByRole('button', { name: 'Hide secret' }).waitFor();
  }
  return page;
}

const secretField = (page: WorkbenchPage) => page.appFrame().getByLabel('Signing secret', { exact: true });
const clipboard = (page: WorkbenchPage) => page.page.evaluate(() => navigator.clipboard.readText());

it('keeps "Rotate secret" out of the primary style', async () => {
  const rotate = admin.appFrame().getByRole('button', { name: 'Rotate secret' });
  // Subtle: no fill of its own, unlike a primary (or warning) button.
  await expect(rotate.evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toMatch(
    /^(rgba\(0, 0, 0, 0\)|transparent)$/,
  );
});

it('explains what rotating breaks, and Cancel keeps the secret', async () => {
  const app = admin.appFrame();
  const before = await secretField(admin).inputValue();
  await app.getByRole('button', { name: 'Rotate secret' }).click();
  const dialog = app.getByRole('dialog', { name: 'Rotate the signing secret?' });
  await dialog.getByText('Rules that sign with the current secret will be refused until you update them with the new one.').waitFor();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.screenshot('automation-tab-rotate-dialog-light');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect(secretField(admin).inputValue()).resolves.toBe(before);
});

it('copies the URL, and the secret while it is hidden', async () => {
  const app = admin.appFrame();
  await app.getByRole('button', { name: 'Copy URL' }).click();
  await app.getByText('Copied to the clipboard.').waitFor();
  await expect(clipboard(admin)).resolves.toBe(await app.getByLabel('URL', { exact: true }).inputValue());

  if ((await app.getByRole('button', { name: 'Hide secret' }).count()) > 0) await app.getByRole('button', { name: 'Hide secret' }).click();
  await expect(secretField(admin).getAttribute('type')).resolves.toBe('password');
  await app.getByRole('button', { name: 'Copy secret' }).click();
  await expect(clipboard(admin)).resolves.toMatch(/^[0-9a-f]{64}$/);
  await expect(clipboard(admin)).resolves.toBe(await secretField(admin).inputValue());
});

it('writes "Last rotated" in the shared date style, without seconds', async () => {
  const text = await admin
    .appFrame()
    .getByText(/^Last rotated /)
    .textContent();
  expect(text).toMatch(/^Last rotated \D*\d{1,2},? \D*\d{4}, \d{1,2}:\d{2}(\s?[AP]M)?\.$/);
});

it('shows the rotate dialog in the dark theme without serious axe violations', async () => {
  const dark = await openAs('dark');
  await dark.appFrame().getByRole('button', { name: 'Rotate secret' }).click();
  await dark.appFrame().getByRole('dialog', { name: 'Rotate the signing secret?' }).waitFor();
  expect(await seriousViolations(dark)).toEqual([]);
  await dark.screenshot('automation-tab-rotate-dialog-dark');
  dark.expectNoProblems();
  await dark.close();
});
