import { ArrivesLater } from './ArrivesLater';

export function SprintReviewTab() {
  return (
    <ArrivesLater
      header="Sprint review arrives in a later version"
      description="Here you will record, per process and sprint, what was achieved, what comes next and the KPI readings."
    />
  );
}
