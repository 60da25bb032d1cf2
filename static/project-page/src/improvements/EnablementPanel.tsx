import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ResolverError } from '../../../../src/contract';
import { ErrorState } from '../../../common/ErrorState';
import type { ImprovementSetup } from '../../../common/improvement/improvementTypes';
import { useResolverAction } from '../../../common/useResolver';

function TeamManagedSteps({ setup }: { setup: ImprovementSetup }) {
  const steps = setup.teamManagedSteps ?? [];
  return (
    <SectionMessage
      appearance="information"
      title="What a project admin does in a team-managed project"
      headingLevel="h3"
      testId="team-managed-steps"
    >
      <Stack space="space.100">
        <Text as="p">Jira has no way for an app to add an issue type to a team-managed project, so a project admin adds it by hand:</Text>
        <ol style={{ margin: 0, paddingInlineStart: 'var(--ds-space-300, 24px)' }}>
          {steps.map((step) => (
            <li key={step}>
              <Text>{step}</Text>
            </li>
          ))}
        </ol>
      </Stack>
    </SectionMessage>
  );
}

/**
 * "Enable for this project": whether improvement stories have their own issue type here, and for a
 * Jira admin the button that adds it (company-managed) or the steps to take (team-managed). Anyone
 * else reads why they cannot enable it.
 */
export function EnablementPanel({ setup, onSetup }: { setup: ImprovementSetup; onSetup: (setup: ImprovementSetup) => void }) {
  const enable = useResolverAction('enableImprovementsForProject');
  const [error, setError] = useState<ResolverError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const teamManaged = setup.project.style === 'team-managed';

  async function enableNow() {
    setError(null);
    const response = await enable.run({});
    if (!response.ok) {
      setError(response.error);
    } else {
      const { outcome, setup: next } = response.data;
      setMessage(
        outcome === 'instructions'
          ? 'This is a team-managed project: follow the steps below.'
          : `${next.issueType?.name ?? 'Process Improvement'} is now an issue type of ${next.project.name}.`,
      );
      onSetup(next);
    }
  }

  // After the click the result is what matters; focus follows it so screen readers hear it.
  useEffect(() => {
    if (message || error) resultRef.current?.focus();
  }, [message, error]);

  const result = (message || error) && (
    <div ref={resultRef} tabIndex={-1} role="status" data-testid="enable-result">
      {message && <Text as="p">{message}</Text>}
      {error && <ErrorState error={error} onRetry={() => void enableNow()} />}
    </div>
  );

  if (setup.mode === 'issue-type' && setup.enabledInProject) {
    return (
      <Stack space="space.100" testId="enablement">
        {result}
        <Text as="p" color="color.text.subtle" testId="enablement-enabled">
          New improvement stories in {setup.project.name} get the {setup.issueType?.name ?? 'Process Improvement'} issue type.
        </Text>
      </Stack>
    );
  }

  return (
    <Stack space="space.150" testId="enablement">
      {setup.issueTypeProblem && (
        <SectionMessage appearance="warning" title="The improvement issue type needs attention" headingLevel="h3">
          <Text as="p">{setup.issueTypeProblem}</Text>
        </SectionMessage>
      )}
      <SectionMessage
        appearance="discovery"
        title={teamManaged ? 'Improvement stories in a team-managed project' : 'Give improvement stories their own issue type'}
        headingLevel="h3"
        testId="enablement-message"
      >
        <Stack space="space.150">
          <Text as="p">
            {teamManaged
              ? `${setup.project.name} is team-managed. Improvement stories are ${setup.storyIssueType?.name ?? 'story'} issues marked by Process Loop.`
              : `Improvement stories in ${setup.project.name} are ${setup.storyIssueType?.name ?? 'story'} issues marked by Process Loop until a Jira admin adds the Process Improvement issue type to the project’s issue type scheme.`}
          </Text>
          {setup.canEnable ? (
            <div>
              <Button appearance="primary" onClick={() => void enableNow()} isLoading={enable.pending} testId="enable-for-project">
                Enable for this project
              </Button>
            </div>
          ) : (
            <Text as="p" color="color.text.subtle" testId="enable-reason">
              {setup.enableReason ?? 'Only a Jira administrator can enable this.'}
            </Text>
          )}
        </Stack>
      </SectionMessage>
      {result}
      {teamManaged && setup.teamManagedSteps && setup.teamManagedSteps.length > 0 && <TeamManagedSteps setup={setup} />}
    </Stack>
  );
}
