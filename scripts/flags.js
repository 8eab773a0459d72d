// @ts-check
'use strict';
/** Command-line flags of the test runners (scripts/run-*-tests.js). */

/**
 * Walks a runner's command line: `onFlag` gets each flag and a function that takes the next
 * argument as the flag's value (throwing when there is none).
 * @param {string[]} argv @param {(flag: string, value: () => string) => void} onFlag
 */
function forEachFlag(argv, onFlag) {
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    onFlag(flag, () => {
      const next = argv[++i];
      if (next === undefined) {
        throw new Error(`${flag} needs a value`);
      }
      return next;
    });
  }
}

module.exports = { forEachFlag };
