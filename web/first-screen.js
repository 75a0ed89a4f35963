// A first visit's headline is in the document itself: wasm/write-first-screen.mjs drew it at build time with the
// page's own code from the example's build-time estimate, in the number formats of the locale body
// data-first-screen names, and style.css keeps it out of sight until this script has looked. It is shown when it
// is what the page would draw now (opened without a link, in that locale) and marked as the first result; else it
// goes, and the page draws its own headline when its modules are there (web/app.js). This script imports nothing,
// so it runs as soon as the document and its stylesheet are in, long before the page's modules.
const body = document.body;
const locale = body.dataset.firstScreen;
if (locale) {
  const same = location.hash.length <= 1 && new Intl.NumberFormat().resolvedOptions().locale === locale;
  if (!same) {
    document.getElementById('summary').replaceChildren();
    for (const id of ['rate-note', 'result-bar']) {
      const el = document.getElementById(id);
      el.replaceChildren();
      el.hidden = true;
    }
  }
  delete body.dataset.firstScreen;
  if (same) performance.mark('ccredits:first-result'); // tests/bench/page-load.mjs reads it
}
