import type { LinkableProcess } from '../../common/catalogTypes';

export type ProcessOption = { value: string; label: string; process: LinkableProcess; searchText: string };
export type StageOption = { value: string; label: string };

/** One picker option per linkable process; searchable by key, name and value stream. */
export function processOptions(processes: readonly LinkableProcess[]): ProcessOption[] {
  return processes.map((process) => ({
    value: process.key,
    label: `${process.key} · ${process.name}${process.valueStreamName ? ` (${process.valueStreamName})` : ''}`,
    process,
    searchText: [process.key, process.name, process.valueStreamName ?? '', process.valueStreamKey ?? ''].join(' ').toLowerCase(),
  }));
}

/** Every word typed must appear somewhere in the key, name or value stream. */
export function matchesProcessSearch(option: ProcessOption, input: string): boolean {
  const words = input.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => option.searchText.includes(word));
}

export function stageOptions(process: LinkableProcess | undefined): StageOption[] {
  return (process?.stages ?? []).map((stage) => ({ value: stage.id, label: stage.name }));
}
