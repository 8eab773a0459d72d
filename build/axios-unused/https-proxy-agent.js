'use strict';
// Bundled in place of axios' own https-proxy-agent v5: with `proxy: false` axios never tunnels;
// the client's proxy agent (https-proxy-agent v7, loaded only when a proxy is set) does.
module.exports = class HttpsProxyAgentNotBundled {};
