// Classic script, first in reader.html's head (parser-blocking, tiny): asks the background for this
// tab's article as soon as the page has a script context, before the module graph (reader.js and
// its imports) is fetched; reader.js takes the answer from here. The type is messages.js's
// MSG.GET_ARTICLE (a classic script cannot import; tests/e2e/chromium.test.mjs checks they agree).
globalThis.lisibleAsked = performance.now();
globalThis.lisibleArticle = (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: "lisible:get-article" });
