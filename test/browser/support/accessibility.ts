import fs from 'node:fs';
import { appFrame } from './appFrame';
import type { WorkbenchPage } from './browserWorkbench';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; targets: string[] };

/**
 * axe inside the app frame (evaluate bypasses the frame's CSP, as a script tag would not): the
 * serious and critical violations as "rule: targets", so an assertion failure names them.
 */
export async function seriousViolations(page: WorkbenchPage): Promise<string[]> {
  const frame = appFrame(page);
  await frame.evaluate(AXE_SOURCE);
  const violations = (await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  })) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
