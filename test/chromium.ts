// How Playwright starts Debian's Chromium, for the e2e tests and the benchmarks: no sandbox (root
// in a container), no GPU, nothing fetched from the network. The browser's own WebUI omnibox popup
// is switched off: Chromium prepares it at start in a renderer of its own that burns about two
// seconds of CPU, which on two cores halves the speed of the page under test (the app has no omnibox).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
