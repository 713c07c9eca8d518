// Vroeghulp: small progressive enhancements; pages work without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // htmx requests carry the CSRF token of the page (the cookie is HttpOnly).
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
  // After a form with errors, start at the error summary so nobody misses what to fix.
  var summary = document.querySelector(".vh-foutsamenvatting");
  if (summary) { summary.focus(); }
});
