// Result sections far from the screen are drawn when they can be seen, not on the keystroke that changed them.
// While an admin types in a 200-row form, the results are 28,000 px tall and the pools, the verdicts, the
// recommendation with its chart and the what-if are thousands of pixels away; drawing them was a third of each
// key's script and layout (tests/bench/README.md, the page). A section whose drawing waits is marked aria-busy
// (assistive technologies wait for it) and is drawn, with the latest figures, as soon as it comes within a screen's
// height of the view, once typing pauses, or before printing. Every section within reach is drawn in the key's own
// frame, so what a person can see always agrees with the headline.
//
// container: the element holding the sections. On a wide screen it scrolls on its own (style.css), and what can be
// seen is what it shows; on a narrow one the page scrolls, and it is what the window shows.
export function drawWhenSeen(container, { pauseMs = 200 } = {}) {
  const near = new Map(); // section -> within a screen's height of the view, as last observed (undefined: not yet)
  const waiting = new Map(); // section -> the drawing of its latest figures
  let timer = 0;
  let root = null;
  let observer = null;

  const scrolls = () => ['auto', 'scroll'].includes(getComputedStyle(container).overflowY);
  function observe() {
    observer?.disconnect();
    root = scrolls() ? container : null;
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        near.set(entry.target, entry.isIntersecting);
        if (entry.isIntersecting) drawNow(entry.target);
      }
    }, { root, rootMargin: '100% 0px' });
    for (const section of near.keys()) {
      near.set(section, undefined);
      observer.observe(section);
    }
  }

  function drawNow(section) {
    const draw = waiting.get(section);
    if (!draw) return;
    waiting.delete(section);
    section.removeAttribute('aria-busy');
    draw();
  }

  function drawAll() {
    clearTimeout(timer);
    for (const section of [...waiting.keys()]) drawNow(section);
  }

  const observing = typeof IntersectionObserver === 'function';
  if (observing) {
    observe();
    // Between the two layouts, what scrolls changes: everything waiting is drawn, and observed again from the new view.
    window.addEventListener('resize', () => {
      if ((scrolls() ? container : null) === root) return;
      drawAll();
      observe();
    });
  }
  window.addEventListener('beforeprint', drawAll);
  window.matchMedia?.('print').addEventListener?.('change', (e) => { if (e.matches) drawAll(); });

  return {
    // Draws section now if it may be in view (near it, not yet observed, or hidden: a hidden section has no place
    // to be observed at, and showing it may bring it into view), or else when it can be seen.
    draw(section, draw) {
      if (observing && !near.has(section)) {
        near.set(section, undefined);
        observer.observe(section);
      }
      waiting.set(section, draw);
      if (!observing || near.get(section) !== false || section.hidden) {
        drawNow(section);
        return;
      }
      section.setAttribute('aria-busy', 'true');
      clearTimeout(timer);
      timer = setTimeout(drawAll, pauseMs);
    },
  };
}
