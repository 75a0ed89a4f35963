// The insights of an imported usage report: chargeback, toll-fraud flags and the trend with its forecast. Loaded by
// import-panel.js only once a report is imported, so a first visit does not download it.
import { h } from '../dom.js';
import { chargebackPart } from './chargeback.js';
import { flagsPart } from './flags.js';
import { trendPart } from './trend.js';

export function insightsSection(report) {
  const currency = report?.chargeback?.currency ?? report?.trend?.currency ?? '';
  return h('div', { id: 'usage-insights' },
    flagsPart(report?.flags, currency),
    chargebackPart(report?.chargeback),
    trendPart(report?.trend));
}
