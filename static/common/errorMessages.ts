import type { ResolverError, ResolverErrorCode } from '../../src/contract';
import { formatTime } from './dateFormat';

export type ErrorDescription = {
  title: string;
  /** What happened, in plain words. */
  message: string;
  /** What the person can do about it. */
  nextStep: string;
  /** Whether trying the same thing again can help. */
  canRetry: boolean;
};

type CodeWording = Omit<ErrorDescription, 'message'> & { fallbackMessage: string };

const wordingByCode: Record<ResolverErrorCode, CodeWording> = {
  INVALID_INPUT: {
    title: "Some values aren't valid",
    fallbackMessage: 'Some of the values are not valid.',
    nextStep: 'Correct the highlighted fields and try again.',
    canRetry: false,
  },
  NOT_FOUND: {
    title: "Can't show this",
    fallbackMessage: "This doesn't exist or you don't have permission to view it.",
    nextStep: 'Check the link, or ask your Jira admin for access.',
    canRetry: false,
  },
  FORBIDDEN: {
    title: "You can't do that here",
    fallbackMessage: "You don't have permission to do this.",
    nextStep: 'Ask a project admin for the permission you need.',
    canRetry: false,
  },
  CONFLICT: {
    title: 'Someone else changed this first',
    fallbackMessage: 'A newer version was saved while you were editing.',
    nextStep: 'Reload to see the latest version, then make your change again.',
    canRetry: true,
  },
  RATE_LIMITED: {
    title: 'Jira is busy',
    fallbackMessage: 'Jira asked Process Loop to slow down.',
    nextStep: 'Wait a moment, then try again.',
    canRetry: true,
  },
  JIRA_ERROR: {
    title: "Jira didn't answer as expected",
    fallbackMessage: 'Jira returned an answer Process Loop could not use.',
    nextStep: 'Try again in a moment.',
    canRetry: true,
  },
  UNREADABLE: {
    title: "Stored data can't be read",
    fallbackMessage: 'Process Loop found a stored record it cannot read.',
    nextStep: 'It is kept exactly as it is, and nothing will overwrite it. Contact the app’s support with this message.',
    canRetry: false,
  },
  INTERNAL: {
    title: 'Something went wrong',
    fallbackMessage: 'Something went wrong on our side.',
    nextStep: 'Try again. If it keeps happening, contact the app’s support.',
    canRetry: true,
  },
};

function retryHint(retryAt: string | undefined): string | null {
  if (!retryAt) return null;
  if (Number.isNaN(new Date(retryAt).getTime())) return null;
  // Seconds matter here: the wait is usually under a minute.
  return `Try again after ${formatTime(retryAt, { seconds: true })}.`;
}

/** Turns a resolver error into words for people; backend messages are already written for them. */
export function describeError(error: ResolverError): ErrorDescription {
  const wording = wordingByCode[error.code] ?? wordingByCode.INTERNAL;
  return {
    title: wording.title,
    message: error.message.trim() || wording.fallbackMessage,
    nextStep: retryHint(error.retryAt) ?? wording.nextStep,
    canRetry: wording.canRetry,
  };
}
