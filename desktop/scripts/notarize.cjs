// electron-builder's afterSign hook: notarizes the signed macOS app with Apple's notary service
// (@electron/notarize, a dependency of electron-builder) when APPLE_ID,
// APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID are set; other platforms and unsigned local
// builds pass through, saying why.
const { join } = require('node:path');

exports.default = async function notarize(context) {
  if (context.electronPlatformName !== 'darwin') return;
  const { APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID } = process.env;
  if (!APPLE_ID || !APPLE_APP_SPECIFIC_PASSWORD || !APPLE_TEAM_ID) {
    console.warn('notarize: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD or APPLE_TEAM_ID not set; skipping notarization.');
    return;
  }
  const { notarize } = require('@electron/notarize');
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  await notarize({
    appPath,
    appleId: APPLE_ID,
    appleIdPassword: APPLE_APP_SPECIFIC_PASSWORD,
    teamId: APPLE_TEAM_ID,
  });
};
