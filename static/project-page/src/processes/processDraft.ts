import type { PayloadOf } from '../../../../src/contract';
import type { CatalogProcess, ProcessStatus } from '../../../common/catalogTypes';

/** A key for a list item the person is editing (React needs one before the backend has seen it). */
export function newItemId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export type ProcessInput = PayloadOf<'saveProcess'>['process'];
type RaciStep = CatalogProcess['raci'][number];
type RaciParty = RaciStep['responsible'][number];
export type RaciLetter = 'responsible' | 'accountable' | 'consulted' | 'informed';

/** A KPI as typed: the target stays text until saving, so "1." or "" can be edited freely. */
export type KpiDraft = { id: string; name: string; unit: string; direction: 'higher' | 'lower'; target: string };
/** RACI cells edited as "role, role" text; Jira-user parties are kept as they are. */
export type RaciStepDraft = { id: string; step: string; when: string } & Record<RaciLetter, { roles: string; users: string[] }>;

export type ProcessDraft = {
  key: string;
  name: string;
  purpose: string;
  currentSituation: string;
  apoAccountId: string | null;
  asmAccountId: string | null;
  valueStreamKey: string | null;
  stageId: string | null;
  kpis: KpiDraft[];
  raci: RaciStepDraft[];
  definitionOfDone: { id: string; text: string }[];
  automationCandidates: { id: string; text: string; done: boolean }[];
  status: ProcessStatus;
};

export const raciLetters: { letter: RaciLetter; label: string }[] = [
  { letter: 'responsible', label: 'Responsible (does the work)' },
  { letter: 'accountable', label: 'Accountable (one party owns the outcome)' },
  { letter: 'consulted', label: 'Consulted (asked before)' },
  { letter: 'informed', label: 'Informed (told after)' },
];

function cellDraft(parties: RaciParty[]): { roles: string; users: string[] } {
  return {
    roles: parties.flatMap((party) => (party.kind === 'role' ? [party.name] : [])).join(', '),
    users: parties.flatMap((party) => (party.kind === 'user' ? [party.accountId] : [])),
  };
}

function cellParties(cell: { roles: string; users: string[] }): RaciParty[] {
  const roles = cell.roles
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  return [
    ...cell.users.map((accountId) => ({ kind: 'user' as const, accountId })),
    ...roles.map((name) => ({ kind: 'role' as const, name })),
  ];
}

export function emptyProcessDraft(defaults: { apoAccountId: string | null; valueStreamKey: string | null }): ProcessDraft {
  return {
    key: '',
    name: '',
    purpose: '',
    currentSituation: '',
    apoAccountId: defaults.apoAccountId,
    asmAccountId: null,
    valueStreamKey: defaults.valueStreamKey,
    stageId: null,
    kpis: [],
    raci: [],
    definitionOfDone: [],
    automationCandidates: [],
    status: 'draft',
  };
}

export function processToDraft(process: CatalogProcess): ProcessDraft {
  return {
    key: process.key,
    name: process.name,
    purpose: process.purpose,
    currentSituation: process.currentSituation,
    apoAccountId: process.apoAccountId,
    asmAccountId: process.asmAccountId,
    valueStreamKey: process.valueStreamKey,
    stageId: process.stageId,
    kpis: process.kpis.map((kpi) => ({ ...kpi, target: String(kpi.target) })),
    raci: process.raci.map((step) => ({
      id: step.id,
      step: step.step,
      when: step.when,
      responsible: cellDraft(step.responsible),
      accountable: cellDraft(step.accountable),
      consulted: cellDraft(step.consulted),
      informed: cellDraft(step.informed),
    })),
    definitionOfDone: process.definitionOfDone.map((item) => ({ ...item })),
    automationCandidates: process.automationCandidates.map((item) => ({ ...item })),
    status: process.status,
  };
}

/**
 * The payload to save, or the fields the browser can already tell are wrong (a KPI target that
 * is not a number cannot even be sent as one). Everything else the backend validates.
 */
export function draftToInput(draft: ProcessDraft): { input: ProcessInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kpis = draft.kpis.map((kpi, index) => {
    const target = Number(kpi.target.trim().replace(',', '.'));
    if (kpi.target.trim() === '' || !Number.isFinite(target)) errors[`kpis.${index}.target`] = 'The target must be a number.';
    return { id: kpi.id, name: kpi.name, unit: kpi.unit, direction: kpi.direction, target };
  });
  if (!draft.apoAccountId) errors.apoAccountId = 'Pick the APO (process owner).';
  return {
    errors,
    input: {
      key: draft.key,
      name: draft.name,
      purpose: draft.purpose,
      currentSituation: draft.currentSituation,
      apoAccountId: draft.apoAccountId ?? '',
      asmAccountId: draft.asmAccountId,
      valueStreamKey: draft.valueStreamKey,
      stageId: draft.valueStreamKey ? draft.stageId : null,
      kpis,
      raci: draft.raci.map((step) => ({
        id: step.id,
        step: step.step,
        when: step.when,
        responsible: cellParties(step.responsible),
        accountable: cellParties(step.accountable),
        consulted: cellParties(step.consulted),
        informed: cellParties(step.informed),
      })),
      definitionOfDone: draft.definitionOfDone,
      automationCandidates: draft.automationCandidates,
      status: draft.status,
    },
  };
}

export const newKpi = (): KpiDraft => ({ id: newItemId(), name: '', unit: '', direction: 'lower', target: '' });
const emptyCell = () => ({ roles: '', users: [] as string[] });
export const newRaciStep = (): RaciStepDraft => ({
  id: newItemId(),
  step: '',
  when: '',
  responsible: emptyCell(),
  accountable: emptyCell(),
  consulted: emptyCell(),
  informed: emptyCell(),
});
export const newDodItem = () => ({ id: newItemId(), text: '' });
export const newAutomationCandidate = () => ({ id: newItemId(), text: '', done: false });
