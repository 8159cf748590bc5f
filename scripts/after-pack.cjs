// electron-builder afterPack hook: runs on the unpacked app, before signing (fuses change the
// Electron binary, so they must be flipped before the signature is made).
// 1. Refuses to package a better-sqlite3 build made for another platform or CPU: the app would
//    install fine and then fail to open any project.
// 2. Flips the Electron fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect (each turns
//    the signed app into a general-purpose Node runtime), the asar archive is integrity-checked
//    against the hash electron-builder embeds, the app loads only from that archive, and file://
//    has no extra privileges.
const fs = require('node:fs');
const path = require('node:path');
const { Arch } = require('electron-builder');
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

const STAMP = path.join(__dirname, '..', '.native', 'electron', 'build.json');

/** @param {import('electron-builder').AfterPackContext} context */
function checkNativeBinding(context) {
  const binding = path.join(context.packager.getResourcesDir(context.appOutDir), 'native', 'better_sqlite3.node');
  if (!fs.existsSync(binding)) {
    throw new Error(`${binding} is missing: run \`node scripts/native.mjs electron\` before packaging (npm run dist does).`);
  }
  const built = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = Arch[context.arch];
  if (built.platform !== platform || built.arch !== arch) {
    throw new Error(
      `better-sqlite3 was built for ${built.platform}-${built.arch} but this package is ${platform}-${arch}. ` +
        'Package each platform and CPU on a matching machine (after `node scripts/native.mjs electron` there).',
    );
  }
}

/** The fuses every package gets (tested in app/electron/packaging.test.ts). */
const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// pages get no powers beyond an ordinary origin's: the app serves itself over app://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};
exports.FUSES = FUSES;

/** @param {import('electron-builder').AfterPackContext} context */
exports.default = async function afterPack(context) {
  checkNativeBinding(context);
  await context.packager.addElectronFuses(context, {
    version: FuseVersion.V1,
    // Patching the binary breaks the ad-hoc signature Apple silicon requires to run at all.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas',
    ...FUSES,
  });
};
