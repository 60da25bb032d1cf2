/** A Jira status as sprint health reads it: its name and its category (to do, in progress, done). */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface StatusInfo {
  name: string;
  category: StatusCategory;
}
