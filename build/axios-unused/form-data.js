'use strict';
// Bundled in place of `form-data`: the extension never sends a form, so axios' FormData support
// (form-data → mime-types → mime-db, ~150 KB) stays out of the bundle. Only `instanceof` checks
// reach this class, and they are false for every body the client sends.
module.exports = class FormDataNotBundled {};
