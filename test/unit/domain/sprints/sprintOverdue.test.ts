import { addDays, addHours, addMinutes, addSeconds, subDays, subHours, subMinutes, subMonths, subSeconds, subYears } from 'date-fns';
import { provisionalReason } from '../../../../src/domain/sprintHealth/provisional';
import { sprintOverdueNote, withOverdueNote } from '../../../../src/domain/sprints/sprintOverdue';

const now = new Date();
const active = (end: Date | null) => ({ state: 'active' as const, endDate: end ? end.toISOString() : null });

describe('sprintOverdueNote', () => {
  it('says how long ago an active sprint ended, and that Jira has not closed it', () => {
    expect(sprintOverdueNote(active(subDays(now, 3)), now)).toBe('ended 3 days ago, not closed in Jira yet');
    expect(sprintOverdueNote(active(subDays(now, 1)), now)).toBe('ended 1 day ago, not closed in Jira yet');
    expect(sprintOverdueNote(active(subHours(now, 5)), now)).toBe('ended 5 hours ago, not closed in Jira yet');
    expect(sprintOverdueNote(active(subMinutes(now, 20)), now)).toBe('ended 20 minutes ago, not closed in Jira yet');
    expect(sprintOverdueNote(active(subMonths(now, 2)), now)).toMatch(/^ended 2 months ago, /);
    expect(sprintOverdueNote(active(subYears(subDays(now, 10), 1)), now)).toMatch(/^ended 1 year ago, /);
  });

  it('rounds down: a sprint that ended 47 hours ago ended 1 day ago, and one seconds ago just now', () => {
    expect(sprintOverdueNote(active(subHours(now, 47)), now)).toBe('ended 1 day ago, not closed in Jira yet');
    expect(sprintOverdueNote(active(subSeconds(now, 20)), now)).toBe('ended just now, not closed in Jira yet');
  });

  it('says nothing for a sprint within its dates, closed, future or without a planned end', () => {
    expect(sprintOverdueNote(active(addMinutes(now, 1)), now)).toBeNull();
    expect(sprintOverdueNote(active(addDays(now, 5)), now)).toBeNull();
    expect(sprintOverdueNote(active(now), now)).toBeNull();
    expect(sprintOverdueNote(active(null), now)).toBeNull();
    expect(sprintOverdueNote({ state: 'closed', endDate: subDays(now, 3).toISOString() }, now)).toBeNull();
    expect(sprintOverdueNote({ state: 'future', endDate: subDays(now, 3).toISOString() }, now)).toBeNull();
    expect(sprintOverdueNote({ state: 'active', endDate: 'not a date' }, now)).toBeNull();
  });

  it('is relative to the now it is given, not to the clock', () => {
    const end = addHours(now, 100);
    expect(sprintOverdueNote(active(end), addSeconds(addDays(end, 2), 1))).toBe('ended 2 days ago, not closed in Jira yet');
  });

  it('adds the note to a sprint, keeping its other fields', () => {
    const sprint = { id: 7, name: 'Sprint 7', ...active(subDays(now, 3)) };
    expect(withOverdueNote(sprint, now)).toEqual({ ...sprint, overdueNote: 'ended 3 days ago, not closed in Jira yet' });
  });
});

describe('provisionalReason of an active sprint past its end', () => {
  it('does not call it still running', () => {
    expect(provisionalReason('active')).toMatch(/still running/);
    expect(provisionalReason('active', true)).toMatch(/^The sprint is not closed in Jira yet: /);
    expect(provisionalReason('closed', true)).toBeNull();
  });
});
