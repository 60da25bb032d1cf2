import { parseDataset, type Dataset, type DatasetInput } from '../../workbench/datasets/datasetSchema';

/**
 * A small site for tests of the runtime itself: one user per role and project ITSM with six
 * issues. Members edit, viewers only browse, the outsider sees nothing. The workbench's demo
 * dataset is richer; this one only has to be enough to run the app's functions.
 */
export const MINIMAL_USERS = {
  admin: 'u-admin',
  apo: 'u-apo',
  asm: 'u-asm',
  member: 'u-member',
  viewer: 'u-viewer',
  outsider: 'u-outsider',
} as const;

export function aMinimalDataset(overrides: Partial<DatasetInput> = {}): Dataset {
  const u = MINIMAL_USERS;
  // Built for the moment it loads: the app reads the real clock.
  const now = new Date().toISOString();
  const input: DatasetInput = {
    name: 'minimal',
    site: { cloudId: 'cloud-minimal', baseUrl: 'https://minimal.atlassian.net', now },
    users: (Object.entries(u) as Array<[keyof typeof u, string]>).map(([role, accountId]) => ({
      accountId,
      displayName: `${role[0]?.toUpperCase()}${role.slice(1)} User`,
      role,
      siteAdmin: role === 'admin',
    })),
    issueTypes: [{ id: '10001', name: 'Task' }],
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '3', name: 'Done', category: 'done' },
    ],
    projects: [
      {
        id: '10000',
        key: 'ITSM',
        name: 'IT Service Management',
        style: 'company-managed',
        leadAccountId: u.admin,
        issueTypeIds: ['10001'],
        permissions: {
          browse: [u.admin, u.apo, u.asm, u.member, u.viewer],
          edit: [u.admin, u.apo, u.asm, u.member],
          create: [u.admin, u.apo, u.asm, u.member],
          administer: [u.admin],
        },
      },
    ],
    issues: [1, 2, 3, 4, 5, 6].map((n) => ({
      id: String(10100 + n),
      key: `ITSM-${n}`,
      projectKey: 'ITSM',
      issueTypeId: '10001',
      summary: `Service request ${n}`,
      statusId: '1',
      reporterAccountId: u.member,
      created: now,
      updated: now,
    })),
    ...overrides,
  };
  return parseDataset(input);
}
