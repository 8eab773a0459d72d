// @ts-check
'use strict';
/**
 * Preloaded (`node --require`, through NODE_OPTIONS) by `run-e2e-tests.js --clock`: every Node
 * process of an e2e run (mocha with the fake WeCom server, code-server, its extension host) reads
 * the clock shifted by WECOM_E2E_CLOCK_OFFSET_MS, so the same offset holds in all of them and time
 * runs on from there. Timers keep the real monotonic clock. (VS Code drops LD_PRELOAD from the
 * extension host's environment, so libfaketime cannot do this.)
 */
const offset = Number(process.env.WECOM_E2E_CLOCK_OFFSET_MS);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return args.length === 0
        ? Reflect.construct(target, [now()], newTarget)
        : Reflect.construct(target, args, newTarget);
    },
    // `Date()` called as a function gives the time as text.
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      return property === 'now' ? now : Reflect.get(target, property, receiver);
    },
  });
}
