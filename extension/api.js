// The one place that picks the extension API: Firefox exposes promise-based `browser.*`,
// Chrome `chrome.*` (promise-based too in MV3). Everything else imports `api` from here.
export const api = globalThis.browser ?? globalThis.chrome;
