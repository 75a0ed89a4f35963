// What the person should do about credits, in one place: read from the estimate's own verdicts (needs_credits,
// eligibility and its reasons, the recommendation), so the headline, the "How much to buy" section and the exports
// say the same thing as "Can you buy credits?". Nothing here computes a figure; it only picks which to show.
import { money, isDecimal } from '../format.js';
import { countryName } from '../countries.js';

const positive = (v) => isDecimal(v) && Number(v) > 0;
const reasonNo = (e, code) => (Array.isArray(e.eligibility?.reasons) ? e.eligibility.reasons : [])
  .some((r) => r && r.code === code && r.answer === 'no');

// estimate -> {kind, text, oneTime?, autoRecharge?}, or null when the estimate holds no verdicts to go by
//   kind: billed_after_use | no_credits | not_sold | partner | cannot_buy | unclear | buy | keep_balance
//   oneTime / autoRecharge: the figures the headline may show for this kind (autoRecharge only in that mode).
export function purchaseAdvice(e, { tenantCountry } = {}) {
  if (typeof e?.needs_credits !== 'boolean' || !['yes', 'no', 'unclear'].includes(e.eligibility?.can_purchase)) return null;
  const r = e.recommendation && typeof e.recommendation === 'object' ? e.recommendation : {};
  const autoMode = r.mode !== 'one_time';
  const ar = autoMode && r.auto_recharge && positive(r.auto_recharge.amount) && isDecimal(r.auto_recharge.threshold) ? r.auto_recharge : null;
  const oneTime = positive(r.one_time) ? r.one_time : null;
  const figures = [
    oneTime && `${money(oneTime)} now`,
    ar && `auto-recharge ${money(ar.amount)} when the balance is below ${money(ar.threshold)}`,
  ].filter(Boolean).join(', then ');

  if (reasonNo(e, 'mca_nce_billed_after_use')) {
    return { kind: 'billed_after_use', text: 'Billed after use (MCA or new commerce): you buy no credits. Turn auto-recharge off.' };
  }
  if (e.needs_credits === false) return { kind: 'no_credits', text: 'No credits needed: your plans include these calls.' };
  if (reasonNo(e, 'country_available')) {
    const where = tenantCountry ? countryName(tenantCountry) : 'your tenant\'s country';
    return { kind: 'not_sold', text: `Communication Credits are not sold to tenants in ${where}: calls beyond your plans need Direct Routing or Operator Connect.` };
  }
  if (reasonNo(e, 'csp_channel')) {
    return { kind: 'partner', oneTime, autoRecharge: ar,
      text: `Your CSP partner funds the credits; you cannot buy them yourself.${figures ? ` Ask your partner for ${figures}.` : ''}` };
  }
  if (e.eligibility?.can_purchase === 'no') {
    return { kind: 'cannot_buy', text: 'You cannot buy credits in the admin center yourself: see "Can you buy credits?".' };
  }
  if (!figures) {
    return { kind: 'keep_balance', text: 'Credits needed: keep a positive balance (at zero most calling stops, toll-free numbers included).' };
  }
  if (e.eligibility?.can_purchase === 'unclear') {
    return { kind: 'unclear', oneTime, autoRecharge: ar, text: `Buy ${figures}, once the open questions under "Can you buy credits?" are answered.` };
  }
  return { kind: 'buy', oneTime, autoRecharge: ar, text: `Buy ${figures}.` };
}
