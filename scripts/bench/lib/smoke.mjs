// What the smoke run (run.smoke.mjs, in CI) checks in the bench's results: that every section ran and
// every goal of issue 18 got a figure, and that no request the bench made failed. Never whether a goal
// was met: speed is measured by `pnpm bench`, not asserted by tests. Pure, so that smoke.spec.mjs tests
// it on made-up results.

/**
 * The results' counts of failed requests, wherever a section records them: objects named `…failures`
 * ({ status or error code: count }) and autocannon's `non2xx` and `errors`. Rows are named by `name`.
 */
export function failedRequests(value, where = 'results') {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => failedRequests(item, `${where}[${JSON.stringify(item?.name ?? i)}]`));
  }
  return Object.entries(value).flatMap(([key, inner]) => {
    if (/failures$/i.test(key) && inner && typeof inner === 'object') {
      return Object.keys(inner).length > 0 ? [`${where}.${key}: ${JSON.stringify(inner)}`] : [];
    }
    if ((key === 'non2xx' || key === 'errors') && typeof inner === 'number') {
      return inner > 0 ? [`${where}.${key}: ${inner}`] : [];
    }
    return failedRequests(inner, `${where}.${key}`);
  });
}

/** Every reason the run does not count as "every section ran"; empty when it does. */
export function smokeProblems(results, sections) {
  if (!results || typeof results !== 'object') return ['no results'];
  const problems = [];
  if (results.error) problems.push(`the run failed: ${String(results.error).split('\n').slice(0, 5).join('\n')}`);
  for (const section of sections) {
    if (results[section] === undefined) problems.push(`section ${section}: no results`);
  }
  const goals = Array.isArray(results.goals) ? results.goals : [];
  if (goals.length === 0) problems.push('no goals table');
  for (const row of goals) {
    if (row.status === 'not measured') problems.push(`goal not measured: ${row.name} (${row.note})`);
  }
  if (results.h5?.firstLoadError) problems.push(`h5 first load: ${results.h5.firstLoadError}`);
  problems.push(...failedRequests(results).map((line) => `failed requests: ${line}`));
  return problems;
}
