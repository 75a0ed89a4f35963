// The renderer main thread's CPU time in a Chromium trace (thread time, which other processes on a shared machine
// hardly change), split into its kinds of work; shared by the page benchmarks.

// The complete events of the renderer's main thread, in order, an enclosing event before the ones inside it.
export function rendererMainEvents(events) {
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  return events.filter((e) => e.ph === 'X' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

// Each event's own CPU time (its children's taken out) goes to the kind of work of its nearest enclosing event that
// has one: a layout forced by a script is layout, a script run from an animation frame is script. A worker's message
// is script: the page's code runs in the promise jobs after its handler, which the trace does not mark.
const KINDS = new Map(Object.entries({
  FunctionCall: 'script', EvaluateScript: 'script', 'v8.callFunction': 'script', HandlePostMessage: 'script',
  TimerFire: 'script', FireAnimationFrame: 'script', RunMicrotasks: 'script',
  UpdateLayoutTree: 'layout', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', Commit: 'paint',
}));

// Milliseconds of CPU: the total of the outermost events, and by kind (script, layout, paint, rest).
export function cpuByKind(mainEvents) {
  const spent = { total: 0, script: 0, layout: 0, paint: 0, rest: 0 };
  const stack = [];
  for (const e of mainEvents) {
    while (stack.length && stack.at(-1).event.ts + stack.at(-1).event.dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const kind = KINDS.get(e.name) ?? parent?.kind ?? 'rest';
    const cpu = (e.tdur ?? 0) / 1000;
    if (parent) spent[parent.kind] -= cpu;
    else spent.total += cpu;
    spent[kind] += cpu;
    stack.push({ event: e, kind });
  }
  return spent;
}
