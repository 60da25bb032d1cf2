import { useMemo, useRef } from 'react';
import AsyncSelect from '@atlaskit/select/AsyncSelect';
import type { UserSummary } from '../../../common/catalogTypes';
import { invokeResolver } from '../../../common/invokeResolver';

type UserOption = { value: string; label: string };
const SEARCH_DELAY_MS = 300;

/**
 * Pick one Jira user, searched through the backend (as the viewer) while typing, debounced so a
 * fast typist sends one request rather than one per key.
 */
export function UserPicker(props: {
  inputId: string;
  value: string | null;
  knownUsers: Map<string, UserSummary>;
  onChange: (accountId: string | null, user: UserSummary | null) => void;
  isClearable?: boolean;
  isInvalid?: boolean;
  describedBy?: string;
}) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const found = useRef(new Map<string, UserSummary>());
  const loadOptions = useMemo(
    () => (query: string) =>
      new Promise<UserOption[]>((resolve) => {
        clearTimeout(timer.current);
        if (!query.trim()) {
          resolve([]);
          return;
        }
        timer.current = setTimeout(() => {
          void invokeResolver('searchUsers', { query }).then((response) => {
            const users = response.ok ? response.data.users : [];
            users.forEach((user) => found.current.set(user.accountId, user));
            resolve(users.map((user) => ({ value: user.accountId, label: user.displayName })));
          });
        }, SEARCH_DELAY_MS);
      }),
    [],
  );
  const known = props.value ? (props.knownUsers.get(props.value) ?? found.current.get(props.value)) : undefined;
  const selected: UserOption | null = props.value ? { value: props.value, label: known?.displayName ?? 'Unknown user' } : null;
  return (
    <AsyncSelect<UserOption>
      inputId={props.inputId}
      loadOptions={loadOptions}
      value={selected}
      isClearable={props.isClearable ?? false}
      isInvalid={props.isInvalid}
      aria-describedby={props.describedBy}
      placeholder="Type a name to search"
      noOptionsMessage={({ inputValue }) => (inputValue ? 'Nobody found' : 'Type a name to search')}
      onChange={(option) => {
        const user = option ? (found.current.get(option.value) ?? props.knownUsers.get(option.value) ?? null) : null;
        props.onChange(option?.value ?? null, user);
      }}
    />
  );
}
