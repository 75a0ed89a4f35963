// Microsoft's pages for the sources DOMAIN.md cites, as https links (opened only when clicked).
const LEARN = 'https://learn.microsoft.com/en-us/microsoftteams/';

export const PAGES = {
  what: `${LEARN}what-are-communications-credits`,
  setup: `${LEARN}set-up-communications-credits-for-your-organization`,
  callingPlans: `${LEARN}calling-plans-for-office-365`,
  zones: `${LEARN}audio-conferencing-zones`,
  usageReport: `${LEARN}pstn-usage-report`,
  pricing: 'https://www.microsoft.com/microsoft-teams/calling-plans',
};

// A source as the core names it ("DOMAIN.md §6; what-are-communications-credits.md", or a URL) -> the Microsoft
// pages it cites as [{href, label}]. DOMAIN.md and CONTRACT.md are this project's own notes, not Microsoft's pages.
export function sourceLinks(source) {
  if (typeof source !== 'string' || source === '') return [];
  const s = source.trim();
  if (/^https:\/\/[\w.-]+\.microsoft\.com\/\S*$/.test(s)) return [{ href: s, label: s.replace(/^https:\/\//, '') }];
  const files = [...s.matchAll(/([\w-]+)\.md\b/g)].map((m) => m[1]).filter((f) => !/^(DOMAIN|CONTRACT)$/.test(f));
  return [...new Set(files)].map((f) => ({ href: LEARN + f, label: `Microsoft Learn: ${f.replace(/-/g, ' ')}` }));
}
