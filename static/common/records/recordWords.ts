/** The mark on anything whose issue property no longer says what Process Loop recorded (edited through Jira's REST API). */
export const CHANGED_OUTSIDE_LABEL = 'Changed outside Process Loop';

/** Why a value is shown without its author: it was stored before Process Loop kept its own record. */
export const UNVERIFIED_AUTHOR = 'recorded before Process Loop kept its own record, so who did it is not verified';
