// One line per cause of a failed native build, with the fix for the platform the user is on.
// Shared by scripts/native.mjs (better-sqlite3 for Node and for Electron) and start-electron.mjs.

/** @typedef {'offline' | 'not-published' | 'no-python' | 'no-toolchain' | 'electron-download' | 'other'} Cause */

const TOOLCHAIN = {
  linux: 'install a compiler and Python (Debian/Ubuntu: sudo apt-get install build-essential python3; Fedora: sudo dnf install gcc-c++ make python3)',
  darwin: "install Apple's command line tools (xcode-select --install), which bring the compiler and Python",
  win32:
    'install Visual Studio Build Tools with "Desktop development with C++" (https://visualstudio.microsoft.com/visual-cpp-build-tools/) and Python 3 (winget install Python.Python.3.12)',
};

/**
 * @param {Cause} cause
 * @param {NodeJS.Platform} platform
 * @param {string} detail what the tool said, shortened
 */
export function failureMessage(cause, platform, detail = '') {
  const toolchain = TOOLCHAIN[platform] ?? TOOLCHAIN.linux;
  const why = detail ? ` (${detail})` : '';
  switch (cause) {
    case 'offline':
      return `no network${why}: connect once (a proxy needs HTTPS_PROXY set) and run npm start again; nothing is downloaded after that first run.`;
    case 'not-published':
      return `better-sqlite3 publishes no prebuilt binary for this Electron, system and CPU${why}, so it must be compiled: ${toolchain}.`;
    case 'no-python':
      return `compiling needs Python 3, which was not found${why}: ${toolchain}.`;
    case 'no-toolchain':
      return `compiling needs a C++ compiler, which was not found${why}: ${toolchain}.`;
    case 'electron-download':
      return `the Electron app could not be downloaded${why}: run npm start once online, or set ELECTRON_MIRROR to a mirror you can reach, or HTTPS_PROXY for your proxy.`;
    default:
      return `it failed${why}; run with the output above to see why, or ask for help with it.`;
  }
}

const SIGNS = [
  [
    'offline',
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|unable to get local issuer|related to network connectivity|fetch failed/i,
  ],
  ['not-published', /\b404\b|No prebuilt binaries found/i],
  ['no-python', /ERR! find Python|Could not find any Python|python3?: not found/i],
  ['no-toolchain', /make: not found|not found: make|g\+\+: not found|gcc: not found|cc: not found|xcrun: error|MSBuild|Visual Studio|C\+\+ compiler/i],
];

/** The cause a tool's output points to, and the line that says so (else its last line). */
export function diagnose(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [cause, sign] of SIGNS) {
    const line = lines.find((l) => sign.test(l));
    if (line) return { cause, detail: line.slice(0, 160) };
  }
  // A stack trace's frames say nothing to a filmmaker: the first line that is not one.
  return { cause: 'other', detail: (lines.find((l) => !l.startsWith('at ')) ?? '').slice(0, 160) };
}
