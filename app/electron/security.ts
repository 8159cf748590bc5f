// Session- and contents-wide guards from Electron's security checklist. They apply to every
// webContents the app ever creates (`web-contents-created`), not just the main window, so a
// future window or a devtools-opened page cannot forget them.
import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import { externalLinkDecision, isPermissionAllowed } from './policy';

async function openExternally(contents: WebContents, url: string): Promise<void> {
  const decision = externalLinkDecision(url);
  if (decision === 'refuse') {
    console.warn(`[shotline] refused to open a link that is not plain https: ${url.slice(0, 200)}`);
    return;
  }
  if (decision === 'ask') {
    const win = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'question' as const,
      buttons: ['Cancel', 'Open in browser'],
      defaultId: 0,
      cancelId: 0,
      message: `Open ${new URL(url).hostname} in your browser?`,
      detail: url.slice(0, 500),
    };
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    if (response !== 1) return;
  }
  // Reviewed for Electronegativity: https only, no credentials, trusted hosts or the user's yes (externalLinkDecision).
  await shell.openExternal(url).catch((err: unknown) => {
    // eng-disable OPEN_EXTERNAL_JS_CHECK
    console.warn(`[shotline] could not open ${url.slice(0, 200)} in the browser: ${String(err)}`);
  });
}

/**
 * The renderer is a single page: it never navigates, opens windows or hosts webviews. Links the
 * user clicks (`target=_blank` or not) leave for the system browser if they are plain https.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    void openExternally(contents, event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternally(contents, url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permissions off unless allow-listed, and no remote network traffic from the page. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces behind the CSP: Chromium-side requests (renderer, devtools, spellcheck
  // downloads) never reach the network. The core talks to providers with Node's own fetch,
  // which does not go through this session.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => {
    callback({ cancel: true });
  });
}
