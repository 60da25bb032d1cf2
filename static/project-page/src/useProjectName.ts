import { useEffect, useState } from 'react';
import { requestJira } from '@forge/bridge';

/**
 * The project's display name, read from Jira as the viewer. Forge's context only carries the key,
 * so until (or unless) Jira answers, callers show the key alone.
 */
export function useProjectName(projectKey: string | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!projectKey) return;
    let current = true;
    requestJira(`/rest/api/3/project/${encodeURIComponent(projectKey)}`, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) return;
        const project: unknown = await response.json();
        if (current && typeof project === 'object' && project !== null && 'name' in project && typeof project.name === 'string') {
          setName(project.name);
        }
      })
      .catch(() => undefined); // the key alone is still a useful heading
    return () => {
      current = false;
    };
  }, [projectKey]);
  return name;
}
