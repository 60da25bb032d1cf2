import { ArrivesLater } from './ArrivesLater';

export function SprintHealthTab() {
  return (
    <ArrivesLater
      header="Sprint health arrives in a later version"
      description="Here you will pick a board and sprint and see one row per process: its health score, the sprint metrics behind it, and the trend over the last sprints."
    />
  );
}
