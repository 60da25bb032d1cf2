import { processTemplates, valueStreamTemplates } from '../../domain/catalog/templates/processTemplateLibrary';
import { describeTemplatesFor } from '../../domain/catalog/templates/processTemplates';
import { listProcesses, listValueStreams } from '../../storage/catalogStore';
import type { Actor } from '../actor';
import { loadViewer } from '../viewer';

/** The template library against the catalog as it is now, for this viewer (one Jira request: admin or not). */
export async function getProcessTemplates(actor: Actor) {
  const [processes, valueStreams, viewer] = await Promise.all([listProcesses(), listValueStreams(), loadViewer(actor)]);
  return describeTemplatesFor(viewer, { processes, valueStreams }, { valueStreams: valueStreamTemplates, processes: processTemplates });
}
