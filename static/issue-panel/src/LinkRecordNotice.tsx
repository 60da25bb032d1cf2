import { Text } from '@atlaskit/primitives/compiled/text';
import { usersById, type IssueProcessPanelData } from '../../common/catalogTypes';
import { formatDateTime } from '../../common/dateFormat';
import { Notice } from '../../common/Notice';
import { CHANGED_OUTSIDE_LABEL } from '../../common/records/recordWords';

/**
 * Shown when the issue's link property no longer says what Process Loop recorded: the panel shows the recorded
 * link, and this says what the property claims, naming its author only as claimed.
 */
export function LinkRecordNotice({ panel }: { panel: IssueProcessPanelData }) {
  const check = panel.linkCheck;
  if (check.state !== 'changed-outside') return null;
  const says = check.propertySays;
  const claimedBy = says ? (usersById(panel.users).get(says.linkedBy)?.displayName ?? 'an unknown user') : '';
  let text: string;
  if (!says) {
    text =
      'Someone removed this issue’s process link through Jira’s REST API. Below is the link recorded in Process Loop; JQL ' +
      'searches no longer find the issue under it until the link is saved again here.';
  } else if (!panel.link) {
    text =
      `Someone put a link to ${says.processKey} on this issue through Jira’s REST API after it was unlinked in Process Loop, ` +
      `claiming ${claimedBy} linked it on ${formatDateTime(says.linkedAt)}. Process Loop did not record that link.`;
  } else {
    text =
      `Someone edited this issue’s process link through Jira’s REST API. It now says ${says.processKey}, claiming ${claimedBy} ` +
      `linked it on ${formatDateTime(says.linkedAt)}. Process Loop did not record that: below is the link as recorded in Process Loop.`;
  }
  return (
    <Notice appearance="warning" title={CHANGED_OUTSIDE_LABEL} testId="link-changed-outside">
      <Text as="p">{text}</Text>
    </Notice>
  );
}
