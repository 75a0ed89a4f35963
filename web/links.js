// Microsoft's pages the rules come from, as https links (opened only when clicked), with their titles.
const LEARN = 'https://learn.microsoft.com/en-us/microsoftteams/';

export const PAGES = {
  what: `${LEARN}what-are-communications-credits`,
  setup: `${LEARN}set-up-communications-credits-for-your-organization`,
  callingPlans: `${LEARN}calling-plans-for-office-365`,
  zones: `${LEARN}audio-conferencing-zones`,
  usageReport: `${LEARN}pstn-usage-report`,
  pricing: 'https://www.microsoft.com/microsoft-teams/calling-plans',
};

// The titles of the Microsoft Learn pages the core's rules cite by their page name.
const TITLES = {
  'what-are-communications-credits': 'What are Communications Credits?',
  'set-up-communications-credits-for-your-organization': 'Set up Communications Credits for your organization',
  'turn-off-communication-credits-auto-recharge-mca-customers': 'Turn off Communication Credits auto-recharge (MCA customers)',
  'calling-plans-for-office-365': 'Teams Calling Plans',
  'audio-conferencing-subscription-dial-out': 'Audio Conferencing dial-out minutes',
  'audio-conferencing-zones': 'Zones for Audio Conferencing',
  'pstn-usage-report': 'PSTN and SMS usage report',
};

// "what-are-communications-credits" -> {href, label}: the page on Microsoft Learn, by its title.
export function learnPage(name) {
  const title = TITLES[name] ?? name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return { href: LEARN + name, label: `Microsoft Learn: ${title}` };
}

// A source as the core names it ("DOMAIN.md §6; what-are-communications-credits.md", or a URL) -> the Microsoft
// pages it cites as [{href, label}]. DOMAIN.md and CONTRACT.md are this project's own notes, not Microsoft's pages.
export function sourceLinks(source) {
  if (typeof source !== 'string' || source === '') return [];
  const s = source.trim();
  if (/^https:\/\/[\w.-]+\.microsoft\.com\/\S*$/.test(s)) return [{ href: s, label: s.replace(/^https:\/\//, '') }];
  const files = [...s.matchAll(/([\w-]+)\.md\b/g)].map((m) => m[1]).filter((f) => !/^(DOMAIN|CONTRACT)$/.test(f));
  return [...new Set(files)].map(learnPage);
}
