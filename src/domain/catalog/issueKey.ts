/** What a Jira issue key looks like (`ITSM-42`): project key, dash, number. Upper case; callers normalise first. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]*-\d+$/;
