/* Small behaviours of every page, kept out of the HTML: the Content-Security-Policy
   allows no inline script, event-handler attributes included. */
(function () {
  "use strict";
  // <select data-submit-on-change>: choosing an option submits its form.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-submit-on-change]") && target.form) {
      target.form.submit();
    }
  });
  // <form data-no-submit>: a form that only drives the page's script is never sent.
  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("form[data-no-submit]")) {
      event.preventDefault();
    }
  });
})();
