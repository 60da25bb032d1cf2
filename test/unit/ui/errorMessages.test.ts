import { describeError } from '../../../static/common/errorMessages';
import { aResolverError } from './uiBuilders';

describe('describeError', () => {
  it('keeps the backend’s message, which is already written for people', () => {
    const description = describeError(aResolverError({ code: 'FORBIDDEN', message: 'Only the APO can retire a process.' }));
    expect(description).toEqual({
      title: "You can't do that here",
      message: 'Only the APO can retire a process.',
      nextStep: 'Ask a project admin for the permission you need.',
      canRetry: false,
    });
  });

  it('falls back to the code’s own words when the message is blank', () => {
    expect(describeError(aResolverError({ code: 'NOT_FOUND', message: '   ' })).message).toBe(
      "This doesn't exist or you don't have permission to view it.",
    );
  });

  it('offers a retry only where trying again can help', () => {
    const codes = ['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'RATE_LIMITED', 'JIRA_ERROR', 'UNREADABLE', 'INTERNAL'] as const;
    const retryable = codes.filter((code) => describeError(aResolverError({ code })).canRetry);
    expect(retryable).toEqual(['CONFLICT', 'RATE_LIMITED', 'JIRA_ERROR', 'INTERNAL']);
  });

  it('says that an unreadable record is kept, without offering a retry that cannot help', () => {
    const description = describeError(aResolverError({ code: 'UNREADABLE', message: 'The stored process INC can’t be read.' }));
    expect(description).toMatchObject({ title: "Stored data can't be read", canRetry: false });
    expect(description.nextStep).toMatch(/kept exactly as it is/);
  });

  it('says when to try again after a rate limit', () => {
    const retryAt = new Date(2026, 0, 5, 14, 7, 30).toISOString();
    const description = describeError(aResolverError({ code: 'RATE_LIMITED', message: 'Slow down', retryAt }));
    expect(description.title).toBe('Jira is busy');
    expect(description.nextStep).toMatch(/^Try again after (14|2)\D07\D30\b.*\.$/);
  });

  it('ignores a retry time that is not a date', () => {
    const description = describeError(aResolverError({ code: 'RATE_LIMITED', message: '', retryAt: 'soon' }));
    expect(description.nextStep).toBe('Wait a moment, then try again.');
  });

  it('treats an unknown code as an internal error', () => {
    const unknown = aResolverError({ code: 'TEAPOT' as never, message: '' });
    expect(describeError(unknown)).toEqual(describeError(aResolverError({ code: 'INTERNAL', message: '' })));
  });
});
