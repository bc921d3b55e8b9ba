import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Chrome MV3 and Firefox builds; manifest strings come from public/_locales (Arabic by default).
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()], build: { target: 'es2022' } }),
  // The tagger model ships as a file of its own, read by the background on first use (nlp/tagger/model-file.ts).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('nlp/model/ner-model.bin'), relativeDest: 'ner-model.bin' });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ar',
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Firefox's MV2 build has no optional_host_permissions: there the same origins are optional_permissions.
    [browser === 'firefox' ? 'optional_permissions' : 'optional_host_permissions']: [
      'https://www.wikidata.org/*',
      'https://ar.wikipedia.org/*',
      'https://commons.wikimedia.org/*',
      'https://upload.wikimedia.org/*',
    ],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-marks': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggleMarks__' },
      'next-mark': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdNextMark__' },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdPreviousMark__' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdHighlightSelection__' },
    },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
    browser_specific_settings: {
      gecko: {
        id: 'siyaq@siyaq.example',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
