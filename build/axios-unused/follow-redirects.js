'use strict';
// Bundled in place of `follow-redirects`: the client sets `maxRedirects: 0` (a redirect could
// carry the token to another host), and axios then uses Node's own http/https.
module.exports = { http: require('http'), https: require('https') };
