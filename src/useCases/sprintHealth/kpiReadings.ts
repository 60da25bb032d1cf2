import type { Process } from '../../domain/catalog/catalogSchemas';
import type { KpiReading } from '../../domain/sprintHealth';
import { listProcesses } from '../../storage/catalogStore';
import { readKpiReadings } from '../../storage/sprintReviewStore';

/**
 * KPI readings of a sprint per process: the APO's readings from the sprint review, joined with
 * the KPI's name, target and direction from the catalog. A KPI no longer in the catalog is skipped.
 */
export async function kpiReadingsFor(sprintId: number, processes?: Process[]): Promise<Record<string, KpiReading[]>> {
  const catalog = processes ?? (await listProcesses());
  const entries = await Promise.all(
    catalog
      .filter((process) => process.kpis.length > 0)
      .map(async (process) => {
        const readings = await readKpiReadings(process.key, sprintId);
        const joined = readings.flatMap((reading): KpiReading[] => {
          const kpi = process.kpis.find((candidate) => candidate.id === reading.kpiId);
          return kpi
            ? [{ kpiId: kpi.id, name: kpi.name, value: reading.value, target: kpi.target, direction: kpi.direction, unit: kpi.unit }]
            : [];
        });
        return [process.key, joined] as const;
      }),
  );
  return Object.fromEntries(entries.filter(([, readings]) => readings.length > 0));
}
