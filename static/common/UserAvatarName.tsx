import Avatar from '@atlaskit/avatar/avatar';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { UserSummary } from './catalogTypes';

/**
 * A person as Jira shows them: avatar and display name. An account Jira no longer returns (deleted,
 * or hidden from the viewer) still shows, as "Unknown user", so a role never looks unassigned.
 */
export function UserAvatarName({ accountId, user, testId }: { accountId: string | null; user: UserSummary | undefined; testId?: string }) {
  if (!accountId) {
    return (
      <Text color="color.text.subtlest" testId={testId}>
        Nobody yet
      </Text>
    );
  }
  const name = user?.displayName ?? 'Unknown user';
  return (
    <Inline space="space.075" alignBlock="center" testId={testId}>
      {/* The name is printed next to it, so the picture is decorative. */}
      <Avatar size="small" src={user?.avatarUrl ?? undefined} name={name} label="" />
      <Text>{name}</Text>
    </Inline>
  );
}
