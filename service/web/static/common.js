/* romnotat – shared helpers for the pages (no dependencies). */
"use strict";

window.Romnotat = (function () {
  const configEl = document.getElementById("romnotat-config");
  const config = configEl ? JSON.parse(configEl.textContent) : {};

  class ApiError extends Error {
    constructor(status, detail, body) {
      super(detail);
      this.status = status;
      this.body = body || {};
    }
  }

  /** Call the JSON API with the log-in cookie. Returns parsed JSON (or null for 204). */
  async function api(path, options) {
    const opts = Object.assign({ method: "GET" }, options || {});
    const headers = Object.assign({ "X-Romnotat": "1", Accept: "application/json" }, opts.headers || {});
    let body = opts.body;
    if (opts.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.json);
    }
    let response;
    try {
      response = await fetch(path, {
        method: opts.method,
        headers: headers,
        body: body,
        credentials: "same-origin",
      });
    } catch (err) {
      throw new ApiError(0, "Fikk ikke kontakt med serveren. Sjekk nettverket og prøv igjen.");
    }
    if (response.status === 401) {
      const here = location.pathname + location.search;
      location.assign("/logg-inn?neste=" + encodeURIComponent(here));
      throw new ApiError(401, "Du må logge inn på nytt.");
    }
    if (response.status === 204) return null;
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      const detail = (data && data.detail) || "Noe gikk galt (feil " + response.status + ").";
      throw new ApiError(response.status, detail, data);
    }
    return data;
  }

  /** Create an element: el("p", {class: "x", text: "hei"}, child, …). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function showError(node, message) {
    if (!node) return;
    node.textContent = message || "";
    node.hidden = !message;
  }

  function percent(score) {
    if (score === null || score === undefined) return null;
    return Math.round(score * 100) + " %";
  }

  function formatDate(iso) {
    if (!iso) return "uten dato";
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    return m ? m[3] + "." + m[2] + "." + m[1] : iso;
  }

  function themeName(id) {
    return (config.themes && config.themes[id]) || id;
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  function plural(n, one, many) {
    return number(n) + " " + (n === 1 ? one : many);
  }

  /** Keep focus on "the same" control across a re-render (elements carry data-focus-key). */
  function rememberFocus() {
    const active = document.activeElement;
    return active && active.dataset ? active.dataset.focusKey || null : null;
  }

  function restoreFocus(key) {
    if (!key) return;
    const target = document.querySelector('[data-focus-key="' + CSS.escape(key) + '"]');
    if (target) target.focus({ preventScroll: true });
  }

  return { config, api, ApiError, el, showError, percent, formatDate, themeName, number, plural,
           rememberFocus, restoreFocus };
})();
