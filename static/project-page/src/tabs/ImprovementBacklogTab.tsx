import { ArrivesLater } from './ArrivesLater';

export function ImprovementBacklogTab() {
  return (
    <ArrivesLater
      header="The improvement backlog arrives in a later version"
      description="Here you will see each process's improvement stories, ordered by expected benefit against cost."
    />
  );
}
