import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { ModalBody, ModalFooter, ModalTransition } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { issues } from './format';
import type { DrillDownResult, DrillDownTarget } from './types';
import { ColumnHeaders } from '../../../common/ColumnHeaders';
import { TitledModal } from '../../../common/TitledModal';

function openIssue(issueKey: string) {
  // The page runs in an iframe: a plain href would navigate the frame, not Jira.
  void router.open(`/browse/${encodeURIComponent(issueKey)}`).catch(() => undefined);
}

const cell = {
  padding: `${token('space.075')} ${token('space.100')}`,
  textAlign: 'start' as const,
  verticalAlign: 'top' as const,
  borderBlockEnd: `1px solid ${token('color.border')}`,
};

function IssueList({ result }: { result: DrillDownResult }) {
  const counted = result.issues.filter((issue) => issue.counted).length;
  return (
    <Stack space="space.200">
      {result.issues.length === 0 ? (
        <Text as="p" testId="drill-down-empty">
          No issues you can see are behind this number.
        </Text>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="drill-down-list">
          <caption style={{ textAlign: 'start', paddingBlockEnd: token('space.100'), captionSide: 'top' }}>
            <Text color="color.text.subtle">
              {issues(result.issues.length)} listed, {counted} counted
            </Text>
          </caption>
          <ColumnHeaders labels={['Key', 'Summary', 'Status', 'Why']} cellStyle={cell} />
          <tbody>
            {result.issues.map((issue) => (
              <tr key={issue.issueId} data-testid={`drill-down-item-${issue.key}`} data-counted={String(issue.counted)}>
                <th scope="row" style={{ ...cell, whiteSpace: 'nowrap', fontWeight: token('font.weight.regular') }}>
                  <a
                    href={`/browse/${encodeURIComponent(issue.key)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      openIssue(issue.key);
                    }}
                    style={{ color: token('color.link') }}
                  >
                    {issue.key}
                  </a>
                </th>
                <td style={cell}>
                  <Text>{issue.summary}</Text>
                </td>
                <td style={cell}>
                  <Lozenge>{issue.statusName}</Lozenge>
                </td>
                <td style={cell} data-testid="drill-down-reason">
                  <Text color={issue.counted ? 'color.text' : 'color.text.subtle'}>
                    {/* Most reasons for leaving an issue out already end in "not counted". */}
                    {issue.counted || issue.reason.endsWith('not counted') ? '' : 'Not counted: '}
                    {issue.reason}
                  </Text>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.hiddenCount > 0 && (
        <Text as="p" color="color.text.subtle" testId="drill-down-hidden">
          {result.hiddenMessage ?? `${issues(result.hiddenCount)} not listed because you can't browse them.`}
        </Text>
      )}
    </Stack>
  );
}

function DrillDownBody({ target, timeZone }: { target: DrillDownTarget; timeZone: string }) {
  const payload = {
    sprintId: target.sprintId,
    metric: target.metric,
    timeZone,
    ...(target.row.processKey === undefined ? {} : { processKey: target.row.processKey }),
  };
  const answer = useResolver('getSprintHealthDrillDown', payload);
  const { state } = answer;
  return (
    <Stack space="space.200">
      <Text as="p" color="color.text.subtle">
        {target.definition}
      </Text>
      {state.status === 'loading' && <LoadingState label="Reading the issues as you…" />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={answer.reload} />}
      {state.status === 'ready' && <IssueList result={state.data} />}
    </Stack>
  );
}

/**
 * The issues behind one number, read as the viewer when opened: key (opens the issue), summary,
 * status and the reason it counts, or why it is listed but not counted. Issues the viewer may not
 * browse are never listed; the backend only says how many there are.
 */
export function DrillDownModal({ target, timeZone, onClose }: { target: DrillDownTarget | null; timeZone: string; onClose: () => void }) {
  return (
    <ModalTransition>
      {target && (
        <TitledModal title={target.title} testId="drill-down" onClose={onClose} width="x-large" hasCloseButton>
          <ModalBody>
            <DrillDownBody target={target} timeZone={timeZone} />
          </ModalBody>
          <ModalFooter>
            <Button appearance="primary" onClick={onClose} testId="drill-down-close">
              Close
            </Button>
          </ModalFooter>
        </TitledModal>
      )}
    </ModalTransition>
  );
}
