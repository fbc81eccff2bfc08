// What the machine was doing while the bench measured: the load average at the start and end of each
// section (run.mjs prints the cores and the database in its heading). On a shared machine a rate is a
// lower bound; this says how much of one.
import { loadavg } from 'node:os';

const round = (values) => values.map((v) => Math.round(v * 100) / 100);

/**
 * Returns `timed(name, fn)`, which runs one section and records in `results.environment.sections` its
 * seconds and the load average (1, 5, 15 min) before and after, whether it succeeds or throws.
 */
export function sectionClock(results) {
  results.environment ??= { sections: [] };
  return async (name, fn) => {
    const loadStart = round(loadavg());
    const started = performance.now();
    try {
      return await fn();
    } finally {
      results.environment.sections.push({
        name,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        loadStart,
        loadEnd: round(loadavg()),
      });
    }
  };
}

/** One line per section: its load average (1 / 5 / 15 min) at the start and at the end, and its seconds. */
export function loadLines(results) {
  const sections = results.environment?.sections ?? [];
  const width = Math.max(0, ...sections.map((s) => s.name.length));
  return [
    `load average (1 / 5 / 15 min) at the start → end of each section, on ${results.machine?.cpus} cores:`,
    ...sections.map(
      (s) => `  ${s.name.padEnd(width)}  ${s.loadStart.join(' / ')} → ${s.loadEnd.join(' / ')}  (${s.seconds} s)`,
    ),
  ];
}
