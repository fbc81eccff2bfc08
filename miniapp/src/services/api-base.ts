/** Where the API lives. The H5 app is served by the API server itself, so it calls its own origin. */
export const apiBase = '';
