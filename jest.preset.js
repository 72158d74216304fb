const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // The app loads Russian and Kazakh on demand; unit tests switch languages synchronously.
  moduleNameMapper: {
    '^\\./dictionary-loader$': join(__dirname, 'libs/web/i18n/src/lib/dictionary-loader.eager.ts'),
  },
};
