import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form/label/default';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { SelectWithoutAnalytics as Select } from '@atlaskit/select/select-without-analytics';
import type { IssueProcessPanelData } from '../../common/catalogTypes';
import { matchesProcessSearch, processOptions, stageOptions, type ProcessOption, type StageOption } from './linkOptions';

type Props = {
  panel: IssueProcessPanelData;
  pending: boolean;
  onLink: (processKey: string, stageId: string | null) => void;
  onUnlink: () => void;
};

/** Pick (or change) the owning process and optionally its stage; unlink. Retired processes are never offered. */
export function ProcessLinkPicker({ panel, pending, onLink, onUnlink }: Props) {
  const processInputId = useId();
  const stageInputId = useId();
  const options = useMemo(() => processOptions(panel.linkableProcesses), [panel.linkableProcesses]);
  const [processKey, setProcessKey] = useState<string | null>(panel.link?.processKey ?? null);
  const chosen = options.find((option) => option.value === processKey) ?? null;
  const stages = stageOptions(chosen?.process);
  // The per-issue stage; starts at the current link's, else the process's own stage.
  const [stageId, setStageId] = useState<string | null>(panel.link?.stageId ?? null);
  const chosenStage = stages.find((stage) => stage.value === stageId) ?? null;

  const unchanged =
    panel.link !== null && panel.link.processKey === processKey && (panel.link.stageId ?? null) === (chosenStage?.value ?? null);

  return (
    <form
      aria-label="Link this issue to a process"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen && !unchanged) onLink(chosen.value, chosenStage?.value ?? null);
      }}
    >
      <Stack space="space.100">
        <div data-testid="picker">
          <Label htmlFor={processInputId}>{panel.link ? 'Change the owning process' : 'Owning process'}</Label>
          <Select<ProcessOption>
            inputId={processInputId}
            options={options}
            value={chosen}
            isClearable={false}
            isDisabled={pending}
            placeholder="Search by key, name or value stream"
            filterOption={(option, input) => matchesProcessSearch(option.data, input)}
            noOptionsMessage={() => (options.length ? 'No process matches' : 'The catalog has no active or draft processes yet')}
            onChange={(option) => {
              setProcessKey(option?.value ?? null);
              setStageId(option?.process.stageId ?? null);
            }}
          />
        </div>
        {stages.length > 0 && (
          <div data-testid="stage-picker">
            <Label htmlFor={stageInputId}>Stage (optional)</Label>
            <Select<StageOption>
              inputId={stageInputId}
              options={stages}
              value={chosenStage}
              isClearable
              isDisabled={pending}
              placeholder="No stage"
              onChange={(option) => setStageId(option?.value ?? null)}
            />
          </div>
        )}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isDisabled={!chosen || unchanged} isLoading={pending} testId="link-button">
            {panel.link ? 'Change link' : 'Link'}
          </Button>
          {panel.link && (
            <Button appearance="subtle" onClick={onUnlink} isDisabled={pending} testId="unlink-button">
              Unlink
            </Button>
          )}
        </Inline>
      </Stack>
    </form>
  );
}
