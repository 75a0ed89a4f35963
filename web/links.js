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

// A source as the core writes it -- "Title (https://…)" citations, several joined by "; " (rates/plans.json,
// rates/eligibility.json, core/src/advice/credits_eligibility.cpp), or a bare URL -> the Microsoft pages it cites as
// [{href, label}]. Only https links to microsoft.com hosts become links.
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
  return links;
}
