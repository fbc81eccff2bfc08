/** A mini-program has no origin of its own: the API's address is fixed at build time. */
export const apiBase = process.env.TARO_APP_API_BASE;
