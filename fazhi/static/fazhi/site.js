/* Behaviour every page shares. A static file: the Content-Security-Policy refuses inline
   scripts and on…= handlers (issue 17 point 1). Plain ES5 for Chromium 90-era browsers.

   - fazhi.escapeHtml: the one escape for any value our scripts put into HTML;
   - <select data-autosubmit>: choosing an option submits its form;
   - idle logout (issue 19 point 11): a banner with "继续" a minute before the session
     ends; at the end the forms being typed are kept as a draft in this tab's
     sessionStorage (never localStorage: the draft dies with the tab), the session is
     ended and the sign-in page brings the user back here (?next=), where the draft
     is put back into the form. */
(function () {
  "use strict";
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function escapeHtml(value) {
    return String(value === null || value === undefined ? "" : value).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
  }
  window.fazhi = window.fazhi || {};
  window.fazhi.escapeHtml = escapeHtml;

  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute("data-autosubmit") && t.form) { t.form.submit(); }
  });

  // ------------------------------------------------------------------ drafts
  var DRAFT_KEY = "fazhi-draft:";
  var SKIP_TYPES = { password: 1, file: 1, hidden: 1, submit: 1, button: 1, reset: 1 };

  function draftKey() { return DRAFT_KEY + window.location.pathname + window.location.search; }

  function keptFields(form) {
    var fields = [];
    for (var i = 0; i < form.elements.length; i++) {
      var f = form.elements[i];
      if (!f.name || SKIP_TYPES[f.type] || f.disabled) { continue; }
      fields.push(f);
    }
    return fields;
  }

  function isChanged(f) {
    if (f.type === "checkbox" || f.type === "radio") { return f.checked !== f.defaultChecked; }
    if (f.tagName === "SELECT") { return Array.prototype.some.call(f.options, function (o) { return o.selected !== o.defaultSelected; }); }
    return f.value !== f.defaultValue;
  }

  function valuesOf(f) {
    if (f.type === "checkbox" || f.type === "radio") { return f.checked ? [f.value] : []; }
    if (f.tagName === "SELECT") {
      return Array.prototype.filter.call(f.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    }
    return [f.value];
  }

  function postForms() { return document.querySelectorAll("main form[method=post], main form[method=POST]"); }

  function saveDrafts() {
    var forms = Array.prototype.map.call(postForms(), function (form) {
      var fields = keptFields(form);
      if (!fields.some(isChanged)) { return null; }
      var values = {};
      fields.forEach(function (f) { values[f.name] = (values[f.name] || []).concat(valuesOf(f)); });
      return values;
    });
    if (forms.some(function (v) { return v; })) {
      try { window.sessionStorage.setItem(draftKey(), JSON.stringify(forms)); } catch (err) { /* storage off or full: nothing kept */ }
    }
  }

  function restoreDrafts() {
    var raw = null;
    try { raw = window.sessionStorage.getItem(draftKey()); window.sessionStorage.removeItem(draftKey()); } catch (err) { return; }
    if (!raw) { return; }
    var all = postForms();
    var restored = false;
    JSON.parse(raw).forEach(function (values, i) {
      if (!values || !all[i]) { return; }
      var used = {};
      keptFields(all[i]).forEach(function (f) {
        var kept = values[f.name];
        if (!kept) { return; }
        if (f.type === "checkbox" || f.type === "radio") {
          f.checked = kept.indexOf(f.value) >= 0;
        } else if (f.tagName === "SELECT") {
          Array.prototype.forEach.call(f.options, function (o) { o.selected = kept.indexOf(o.value) >= 0; });
        } else {
          used[f.name] = (used[f.name] || 0) + 1;
          if (kept.length >= used[f.name]) { f.value = kept[used[f.name] - 1]; }
        }
      });
      restored = true;
    });
    if (restored) {
      var note = document.createElement("p");
      note.className = "draft-note";
      note.textContent = "已恢复您因闲置退出前填写但尚未提交的内容，请核对后提交。";
      var main = document.querySelector("main");
      main.insertBefore(note, main.firstChild);
    }
  }

  // ------------------------------------------------------------- idle logout
  // The server ends a session FAZHI_SESSION_SECONDS after its last request, whichever tab
  // sent it: the tabs share the time of the last request in localStorage (a time only,
  // nothing personal), so an idle tab does not sign out a user working in another one.
  var LAST_REQUEST = "fazhi-last-request";

  function idleLogout(body) {
    var seconds = parseInt(body.getAttribute("data-idle-seconds"), 10);
    if (!(seconds > 0)) { return; }
    // A minute's warning; half the time when sessions are shorter than two minutes.
    var warnBefore = Math.min(60, Math.floor(seconds / 2));
    var ownLast = 0;
    var banner = null;
    var text = null;
    var ended = false;

    function csrfToken() {
      try { return JSON.parse(body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (err) { return ""; }
    }

    function lastRequest() {
      var shared = 0;
      try { shared = parseInt(window.localStorage.getItem(LAST_REQUEST), 10) || 0; } catch (err) { /* storage off */ }
      return Math.max(shared, ownLast);
    }

    function touched() {
      ownLast = Date.now();
      try { window.localStorage.setItem(LAST_REQUEST, String(ownLast)); } catch (err) { /* storage off: this tab only */ }
      check();
    }

    function hideBanner() {
      if (banner) { banner.parentNode.removeChild(banner); banner = null; }
    }

    function showBanner(left) {
      if (!banner) {
        banner = document.createElement("div");
        banner.className = "idle-banner";
        banner.setAttribute("role", "alertdialog");
        text = document.createElement("span");
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = "继续";
        button.addEventListener("click", function () {
          var request = new XMLHttpRequest();
          request.open("GET", body.getAttribute("data-keepalive-url"));
          request.onload = function () { if (request.status === 204) { touched(); } else { end(); } };
          request.onerror = end;
          request.send();
        });
        banner.appendChild(text);
        banner.appendChild(button);
        document.body.insertBefore(banner, document.body.firstChild);
        button.focus();
      }
      text.textContent = "您已较长时间没有操作，为保护数据安全，系统将在 " + Math.ceil(left / 1000) + " 秒后自动退出。";
    }

    function end() {
      if (ended) { return; }
      ended = true;
      hideBanner();
      saveDrafts();
      var here = window.location.pathname + window.location.search;
      var login = body.getAttribute("data-login-url") + "?idle=1&next=" + encodeURIComponent(here);
      var request = new XMLHttpRequest();
      request.open("POST", body.getAttribute("data-logout-url"));
      request.setRequestHeader("X-CSRFToken", csrfToken());
      request.onloadend = function () { window.location.assign(login); };
      request.send();
    }

    function check() {
      if (ended) { return; }
      var left = lastRequest() + seconds * 1000 - Date.now();
      if (left <= 0) { end(); } else if (left <= warnBefore * 1000) { showBanner(left); } else { hideBanner(); }
    }

    // The server's idle clock restarts on every request: this page's and htmx's.
    document.body.addEventListener("htmx:afterRequest", touched);
    touched();
    window.setInterval(check, 1000);
  }

  function start() {
    restoreDrafts();
    idleLogout(document.body);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
