// Driving the calculator form the way a person does: remove rows, add rows, pick and type values.
export async function waitReady(page) {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
}

// The estimate the page shows, as the core returned it (the page prints it in the "as JSON" details).
export async function shownEstimate(page) {
  return JSON.parse(await page.locator('#raw-estimate').textContent());
}
export async function shownScenario(page) {
  return JSON.parse(await page.locator('#raw-scenario').textContent());
}

// Every result section drawn with the latest figures: a section far from the screen is drawn when it can be seen
// or once typing pauses, and is aria-busy until then (web/results/draw-when-seen.js).
export async function resultsDrawn(page) {
  await page.waitForFunction(() => !document.querySelector('#results [aria-busy="true"]'));
}

async function clearRows(page, kind) {
  while (await page.locator(`#h-${kind} ~ .rows fieldset`).count()) {
    await page.locator(`#h-${kind} ~ .rows fieldset button.remove`).first().click();
  }
}

// Sets one field as a person does: a list's option by its value, or text typed (a country field takes its code).
export async function setField(page, key, value) {
  const el = page.locator(`[data-key="${key}"]`);
  if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value ?? '');
  else await el.fill(String(value ?? ''));
}

// Fills the whole form with a core/CONTRACT.md scenario, through the UI.
export async function fillScenario(page, scenario) {
  const set = (key, value) => setField(page, key, value);
  await clearRows(page, 'licenses');
  for (const [i, l] of scenario.licenses.entries()) {
    await page.click('#add-licenses');
    for (const f of ['country', 'plan', 'users']) await set(`licenses.${i}.${f}`, l[f]);
  }
  for (const f of ['standard', 'us_ca_dial_out', 'pay_per_minute']) await set(`conferencing.${f}`, scenario.conferencing[f]);
  const fields = { user_out: ['from', 'to', 'number_type', 'minutes', 'calls'], conf_out: ['to', 'number_type', 'minutes'], toll_free_in: ['country', 'service', 'minutes'], toll_in: ['country', 'minutes'] };
  for (const kind of Object.keys(fields)) {
    await clearRows(page, kind);
    const rows = scenario.usage.filter((u) => u.kind === kind);
    for (const [i, row] of rows.entries()) {
      await page.click(`#add-${kind}`);
      for (const f of fields[kind]) if (row[f] !== undefined || f !== 'number_type') await set(`${kind}.${i}.${f}`, row[f] ?? '');
    }
  }
  for (const [k, v] of Object.entries(scenario.billing)) await set(`billing.${k}`, v ?? '');
  for (const [k, v] of Object.entries(scenario.funding)) await set(`funding.${k}`, v);
}
