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

// A source as the core writes it -- "Title (https://…)" citations, several joined by "; " (rates/plans.json,
// rates/eligibility.json, core/src/advice/credits_eligibility.cpp), or a bare URL -> the Microsoft pages it cites as
// [{href, label}]. Only https links to microsoft.com hosts become links. A source that names Microsoft's pages by
// file ("what-are-communications-credits.md") gets them by title.
const CITATION = /([^;()]*?)\s*\((?:linked from )?(https:\/\/[\w.-]+\.microsoft\.com\/[^\s()]*)\)/g;

export function sourceLinks(source) {
  if (typeof source !== 'string' || source === '') return [];
  const s = source.trim();
  if (/^https:\/\/[\w.-]+\.microsoft\.com\/\S*$/.test(s)) return [{ href: s, label: s.replace(/^https:\/\//, '') }];
  const links = [];
  for (const [, title, href] of s.matchAll(CITATION)) {
    const label = title.replace(/^[\s,]+/, '').trim();
    if (!links.some((l) => l.href === href)) links.push({ href, label: label || href.replace(/^https:\/\//, '') });
  }
  if (links.length) return links;
  const files = [...s.matchAll(/([\w-]+)\.md\b/g)].map((m) => m[1]).filter((f) => !/^(DOMAIN|CONTRACT)$/.test(f));
  return [...new Set(files)].map(learnPage);
}
