import { loadCalculator } from './ccredits-client.js';

const $ = (id) => document.getElementById(id);

async function main() {
  const calculator = await loadCalculator();
  const ratesText = await (await fetch('rates/illustrative-usd.json')).text();
  const info = calculator.loadRates(ratesText, 'illustrative-usd.json');
  if (info.error) throw new Error(info.error.message);
  const plans = calculator.loadPlans(await (await fetch('rates/plans.json')).text(), 'plans.json');
  if (plans.error) throw new Error(plans.error.message);
  const card = JSON.parse(ratesText);
  const select = $('destination');
  for (const row of card.sheets.dial_out_calls) {
    const option = document.createElement('option');
    option.value = `${row.country}|${row.number_type}`;
    option.textContent = row.destination;
    select.append(option);
  }
  $('rates-note').textContent =
    `Rates: ${info.currency}, effective ${info.effective}${info.illustrative ? ' — illustrative, not Microsoft\'s prices' : ''}.`;
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: info.currency });

  const update = () => {
    const [to, numberType] = select.value.split('|');
    const scenario = {
      schema: 'ccredits.scenario/1',
      // One Pay-As-You-Go user: every typed minute is billed (until the page asks for licences).
      licenses: [{ country: 'US', plan: 'payg', users: 1 }],
      usage: [{ kind: 'user_out', from: 'US', to, number_type: numberType, minutes: $('minutes').value.trim() || '0' }],
    };
    const result = calculator.estimate(scenario);
    if (result.error) {
      $('minutes-error').textContent = result.error.message;
      $('total').textContent = '—';
      return;
    }
    $('minutes-error').textContent = '';
    $('total').textContent = money.format(result.monthly_total);
  };
  $('minutes').addEventListener('input', update);
  select.addEventListener('change', update);
  update();
  $('status').textContent = 'Ready.';
}

main().catch((e) => {
  $('status').textContent = `The calculator could not start: ${e.message}`;
});
