import { escapeHtml } from './http';

/**
 * The images Jira's REST answers point at (`avatarUrls`, issue type `iconUrl`): generated SVGs, so an
 * app that shows avatars loads real images from the site, as it would from Jira.
 */
const BACKGROUNDS = ['#0C66E4', '#1F845A', '#AE2E24', '#6E5DC6', '#A54800', '#206A83', '#943D73', '#5B7F24'];

function colourFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return BACKGROUNDS[hash % BACKGROUNDS.length] ?? '#0C66E4';
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ''}${words[words.length - 1]?.[0] ?? ''}` : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase() || '?';
}

export function avatarSvg(options: { label: string; seed: string; shape: 'circle' | 'square' }): string {
  const background = colourFor(options.seed);
  const shape = options.shape === 'circle' ? '<circle cx="24" cy="24" r="24"' : '<rect width="48" height="48" rx="6"';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">${shape} fill="${background}"/><text x="24" y="24" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="18" font-weight="600" fill="#FFFFFF">${escapeHtml(initialsOf(options.label))}</text></svg>`;
}

export function issueTypeIconSvg(seed: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16"><rect width="16" height="16" rx="3" fill="${colourFor(seed)}"/><path d="M5 8.5 7 10.5 11 5.5" stroke="#FFFFFF" stroke-width="1.8" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}
