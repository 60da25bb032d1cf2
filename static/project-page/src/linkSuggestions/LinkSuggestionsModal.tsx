import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { ModalBody, ModalFooter } from '@atlaskit/modal-dialog';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import type { ResolverError } from '../../../../src/contract';
import { describeError } from '../../../common/errorMessages';
import { ErrorState } from '../../../common/ErrorState';
import { LiveAnnouncement } from '../../../common/LiveAnnouncement';
import { LoadingState } from '../../../common/LoadingState';
import { Notice } from '../../../common/Notice';
import { useResolver, useResolverAction } from '../../../common/useResolver';
import { basisText, issueCount, resultText, signalLabel, type AcceptResult, type LinkSuggestion, type LinkSuggestions } from './wording';
import { TitledModal } from '../../../common/TitledModal';

type Outcome = { kind: 'done'; result: AcceptResult } | { kind: 'failed'; error: ResolverError };

function openIssue(issueKey: string) {
  // The page runs in an iframe: a plain href would navigate the frame, not Jira.
  void router.open(`/browse/${encodeURIComponent(issueKey)}`).catch(() => undefined);
}

function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      href={`/browse/${encodeURIComponent(issueKey)}`}
      onClick={(event) => {
        event.preventDefault();
        openIssue(issueKey);
      }}
      // Underlined: inside a sentence, colour alone would not tell a link from text.
      style={{ color: token('color.link'), textDecoration: 'underline' }}
    >
      {issueKey}
    </a>
  );
}

function SuggestionItem(props: {
  suggestion: LinkSuggestion;
  pending: boolean;
  busy: boolean;
  outcome: Outcome | undefined;
  /** False when the viewer may not edit the project's issues: the suggestion is shown, not offered. */
  canAccept: boolean;
  onAccept: () => void;
}) {
  const { suggestion, outcome } = props;
  const resultRef = useRef<HTMLDivElement>(null);
  // The accept button goes away once done: keyboard users land on the result instead of the dialog's top.
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);
  const headingId = `suggestion-${suggestion.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <Box
      as="li"
      padding="space.200"
      backgroundColor="elevation.surface.raised"
      testId={`link-suggestion-${suggestion.id}`}
      style={{ listStyle: 'none', borderRadius: 'var(--ds-radius-medium, 6px)', boxShadow: token('elevation.shadow.raised') }}
    >
      <section aria-labelledby={headingId}>
        <Stack space="space.100">
          <Heading size="xsmall" as="h3" id={headingId}>
            {signalLabel(suggestion)} → {suggestion.processKey} {suggestion.processName}
          </Heading>
          <Text as="p">
            <Text weight="semibold">{issueCount(suggestion.issueCount)} unlinked.</Text> {basisText(suggestion)}
          </Text>
          <Text as="p" color="color.text.subtle">
            For example:{' '}
            {suggestion.examples.map((example, index) => (
              <span key={example.id}>
                {index > 0 && ', '}
                <IssueLink issueKey={example.key} /> {example.summary}
              </span>
            ))}
          </Text>
          {outcome && (
            <div ref={resultRef} tabIndex={-1} style={{ outline: 'none' }}>
              {outcome.kind === 'done' ? (
                <Notice
                  appearance={outcome.result.skipped.length ? 'warning' : 'success'}
                  title={outcome.result.linked ? 'Linked' : 'Nothing linked'}
                  testId="link-suggestion-result"
                >
                  <Text as="p">{resultText(outcome.result, suggestion.processKey)}</Text>
                </Notice>
              ) : (
                <Notice appearance="error" title={describeError(outcome.error).title} testId="link-suggestion-error">
                  <Text as="p">{describeError(outcome.error).message}</Text>
                </Notice>
              )}
            </div>
          )}
          {props.canAccept && outcome?.kind !== 'done' && (
            <Inline>
              <Button
                appearance="primary"
                onClick={props.onAccept}
                isLoading={props.pending}
                isDisabled={props.busy && !props.pending}
                aria-describedby={headingId}
                testId="accept-link-suggestion"
              >
                {`Link ${issueCount(suggestion.issueCount)} to ${suggestion.processKey}`}
              </Button>
            </Inline>
          )}
        </Stack>
      </section>
    </Box>
  );
}

function SuggestionList({ data, onRefresh }: { data: LinkSuggestions; onRefresh: () => void }) {
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const accept = useResolverAction('acceptLinkSuggestion');

  const onAccept = async (suggestion: LinkSuggestion) => {
    setPendingId(suggestion.id);
    setAnnouncement(`Linking ${issueCount(suggestion.issueCount)} to ${suggestion.processKey}…`);
    const response = await accept.run({ signal: suggestion.signal, processKey: suggestion.processKey, issueIds: suggestion.issueIds });
    setPendingId(null);
    const outcome: Outcome = response.ok ? { kind: 'done', result: response.data } : { kind: 'failed', error: response.error };
    setOutcomes((current) => ({ ...current, [suggestion.id]: outcome }));
    setAnnouncement(outcome.kind === 'done' ? resultText(outcome.result, suggestion.processKey) : describeError(outcome.error).message);
  };

  const accepted = Object.values(outcomes).some((outcome) => outcome.kind === 'done' && outcome.result.linked > 0);
  const summary = `${issueCount(data.unlinkedCount)} in ${data.projectKey} without a process, ${data.linkedCount} linked.`;
  return (
    <Stack space="space.200">
      <LiveAnnouncement message={announcement} testId="link-suggestions-announcement" />
      <Text as="p" testId="link-suggestions-summary">
        {summary}
      </Text>
      {(data.truncated.unlinked || data.truncated.linked) && (
        <Notice appearance="information" title="Only part of the project was read">
          <Text as="p">
            Suggestions look at the newest {data.limit} unlinked and {data.limit} linked issues. Accept some and refresh to see the rest.
          </Text>
        </Notice>
      )}
      {!data.canEdit && data.suggestions.length > 0 && (
        <Notice appearance="information" title="You can see these suggestions, not accept them" testId="link-suggestions-read-only">
          <Text as="p">
            Linking needs the Edit issues permission in {data.projectKey}. Someone who may edit these issues (a project administrator, or
            the process's APO) can accept them.
          </Text>
        </Notice>
      )}
      {data.unlinkedCount === 0 ? (
        <Notice appearance="success" title="Every issue in this project is linked" testId="link-suggestions-all-linked" />
      ) : data.suggestions.length === 0 ? (
        <Notice appearance="information" title="No suggestions" testId="link-suggestions-empty">
          <Text as="p">
            Suggestions come from parents' links, auto-link rules, and linked issues that share a component, label or work type. Link a few
            issues by hand, then come back.
          </Text>
        </Notice>
      ) : (
        <Box as="ul" testId="link-suggestions-list" style={{ margin: 0, padding: 0, display: 'grid', gap: token('space.200') }}>
          {data.suggestions.map((suggestion) => (
            <SuggestionItem
              key={suggestion.id}
              suggestion={suggestion}
              pending={pendingId === suggestion.id}
              busy={pendingId !== null}
              outcome={outcomes[suggestion.id]}
              canAccept={data.canEdit}
              onAccept={() => void onAccept(suggestion)}
            />
          ))}
        </Box>
      )}
      {accepted && (
        <Inline>
          <Button onClick={onRefresh} testId="refresh-link-suggestions">
            Refresh suggestions
          </Button>
        </Inline>
      )}
    </Stack>
  );
}

/** Suggestions for the project's unlinked work, each accepted on its own, as the signed-in user. */
export default function LinkSuggestionsModal({ onClose }: { onClose: () => void }) {
  const { state, reload } = useResolver('getLinkSuggestions', {});
  return (
    <TitledModal title="Suggested process links" testId="link-suggestions-modal" onClose={onClose}>
      <ModalBody>
        {state.status === 'loading' && <LoadingState label="Looking at the project's unlinked work…" />}
        {state.status === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
        {state.status === 'ready' && <SuggestionList data={state.data} onRefresh={reload} />}
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} testId="close-link-suggestions">
          Close
        </Button>
      </ModalFooter>
    </TitledModal>
  );
}
