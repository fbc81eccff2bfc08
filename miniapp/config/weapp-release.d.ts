export function weappBuildProblems(settings: { apiBase?: string; appId?: string }): string[];
