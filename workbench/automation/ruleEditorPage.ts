import { escapeHtml as e } from '../server/http';
import type { AutomationAction } from './actionConfig';

/**
 * Jira Automation's rule editor, reduced to one rule "When: manually triggered → Then: <app action>":
 * the action's configuration form (its Custom UI, as Automation hosts it), a Next button that sends
 * the form AUTOMATION_ACTION_SUBMIT, the configuration the form last submitted, and a "Run rule"
 * that runs the action on a work item as the acting user, with what the audit log would show.
 * Behaviour: /workbench/automation/rule-editor.js.
 */
export function ruleEditorPage(options: {
  action: AutomationAction;
  project: { key: string; name: string };
  actor: { accountId: string; displayName: string };
  frame: string;
  issueKey: string;
}): string {
  const { action, project, actor } = options;
  return `<link rel="stylesheet" href="/workbench/automation/rule-editor.css">
<div class="wb-rule-editor" data-testid="rule-editor" data-action-key="${e(action.key)}" data-actor-account-id="${e(actor.accountId)}">
  <nav class="wb-breadcrumbs" aria-label="Breadcrumbs"><a href="/projects/${encodeURIComponent(project.key)}/process-loop">${e(project.name)}</a><span aria-hidden="true">/</span><span>Automation</span><span aria-hidden="true">/</span><span>New rule</span></nav>
  <h1 class="wb-page-title">New rule</h1>
  <ol class="wb-rule-steps" aria-label="Rule components">
    <li><span class="wb-lozenge wb-lozenge-default">When</span> Manually triggered from the workbench</li>
    <li aria-current="step"><span class="wb-lozenge wb-lozenge-inprogress">Then</span> <span data-testid="rule-action-name">${e(action.name)}</span></li>
  </ol>
  <section class="wb-rule-panel" aria-labelledby="wb-action-heading">
    <h2 class="wb-section-title" id="wb-action-heading">${e(action.name)}</h2>
    <p class="wb-subtle" data-testid="rule-action-description">${e(action.description)}</p>
    ${options.frame}
    <div class="wb-rule-actions">
      <button type="button" class="wb-button wb-button-primary" data-testid="rule-next" disabled>Next</button>
      <span class="wb-subtle" data-testid="rule-next-status" role="status"></span>
    </div>
    <h3 class="wb-rule-subtitle">Configuration submitted to Automation</h3>
    <pre class="wb-rule-json" data-testid="submitted-config">Nothing submitted yet.</pre>
    <div data-testid="rule-config-problems" role="alert"></div>
  </section>
  <section class="wb-rule-panel" aria-labelledby="wb-run-heading">
    <h2 class="wb-section-title" id="wb-run-heading">Run rule</h2>
    <form class="wb-search-form" data-testid="run-rule-form">
      <label for="wb-rule-issue">Work item</label>
      <input id="wb-rule-issue" name="issueKey" class="wb-input" value="${e(options.issueKey)}" placeholder="${e(project.key)}-1" size="12" data-testid="rule-issue-key">
      <button type="submit" class="wb-button" data-testid="run-rule">Run rule</button>
    </form>
    <p class="wb-subtle">Runs as the rule actor, ${e(actor.displayName)} (the acting user), with the configuration above; {{issue.key}} and {{project.key}} are the work item's.</p>
    <div data-testid="run-outcome" aria-live="polite"></div>
  </section>
</div>
<script src="/workbench/automation/rule-editor.js" defer></script>`;
}

/** `/automation/rules/new` without an action: the app's actions, as Automation's component picker lists them. */
export function actionPickerPage(actions: AutomationAction[], projectKey: string): string {
  const items = actions
    .map(
      (action) =>
        `<li><a href="/automation/rules/new?action=${encodeURIComponent(action.key)}&amp;project=${encodeURIComponent(projectKey)}">${e(action.name)}</a> <span class="wb-subtle">${e(action.description)}</span></li>`,
    )
    .join('');
  return `<div class="wb-index" data-testid="action-picker">
  <h1 class="wb-page-title">New rule: add an action</h1>
  <ul>${items || '<li class="wb-subtle">manifest.yml offers no actions to Automation (automation:actionProvider).</li>'}</ul>
</div>`;
}
