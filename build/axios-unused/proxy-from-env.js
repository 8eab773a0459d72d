'use strict';
// Bundled in place of `proxy-from-env`: the client passes `proxy: false` and picks the proxy
// itself (src/wecom/proxy.ts), so axios never asks the environment.
exports.getProxyForUrl = () => '';
