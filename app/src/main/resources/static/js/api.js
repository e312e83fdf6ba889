// The JSON API's request headers, for the scripts that call it from a page (app.js, batches.js;
// load this one before them): the session is a cookie, so every call carries the page's CSRF token
// from the <meta> tags the layout writes, and asks for JSON.
window.promptLensApiHeaders = (extra) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const name = document.querySelector('meta[name="_csrf_header"]');
  const all = { Accept: 'application/json', ...extra };
  if (token && name) all[name.content] = token.content;
  return all;
};
