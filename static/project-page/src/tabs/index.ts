import type { ComponentType } from 'react';
import { AutomationTab } from './AutomationTab';
import { ImprovementBacklogTab } from './ImprovementBacklogTab';
import { ProcessesTab } from './ProcessesTab';
import { SprintHealthTab } from './SprintHealthTab';
import { SprintReviewTab } from './SprintReviewTab';

export type ProjectTab = { id: string; label: string; Panel: ComponentType };

/** The project page's tabs, in display order; filling a tab means replacing its component. */
export const projectTabs: ProjectTab[] = [
  { id: 'sprint-health', label: 'Sprint health', Panel: SprintHealthTab },
  { id: 'processes', label: 'Processes', Panel: ProcessesTab },
  { id: 'improvement-backlog', label: 'Improvement backlog', Panel: ImprovementBacklogTab },
  { id: 'sprint-review', label: 'Sprint review', Panel: SprintReviewTab },
  { id: 'automation', label: 'Automation', Panel: AutomationTab },
];
