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

// A source as the core names it ("what-are-communications-credits.md", or a URL) -> {href, label} or null.
export function sourceLink(source) {
  if (typeof source !== 'string' || source === '') return null;
  const s = source.trim();
  if (/^https:\/\/[\w.-]+\.microsoft\.com\//.test(s)) return { href: s, label: s.replace(/^https:\/\//, '') };
  const file = /([\w-]+)\.md\b/.exec(s);
  if (file) return { href: LEARN + file[1], label: `Microsoft Learn: ${file[1].replace(/-/g, ' ')}` };
  return null;
}
