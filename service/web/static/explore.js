/* romnotat – the policy explorer (/utforsk). */
"use strict";

(function () {
  const R = window.Romnotat;
  const { el, api, config } = R;
  const $ = (selector) => document.querySelector(selector);
  const LABEL_ORDER = ["challenge", "good_practice", "wish", "other"];
  const NO_THEME = "(uten tema)";
  const NO_LABEL = "(uten etikett)";
  const PAGE = 25;
  const FILTER_KEYS = ["site_id", "rom_variant", "date_from", "date_to"];
  const STATE_KEYS = FILTER_KEYS.concat(["q", "theme", "label", "trend"]);

  const fields = {
    site_id: $("#f-site"),
    rom_variant: $("#f-variant"),
    date_from: $("#f-from"),
    date_to: $("#f-to"),
  };
  const state = {};
  const paging = { items: 0, quotes: 0 };

  // ---- state <-> URL and form ---------------------------------------------------------------

  function readUrl() {
    const params = new URLSearchParams(location.search);
    for (const key of STATE_KEYS) state[key] = params.get(key) || "";
    for (const key of FILTER_KEYS) {
      if (state[key]) fields[key].value = state[key];
      else state[key] = fields[key].value; // a coordinator's site select has no "all" option
    }
    $("#q").value = state.q;
    $("#trend-theme").value = state.trend;
  }

  function writeUrl() {
    const params = new URLSearchParams();
    for (const key of STATE_KEYS) if (state[key]) params.set(key, state[key]);
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function query(extra, keys) {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
    for (const [key, value] of Object.entries(extra || {})) if (value) params.set(key, value);
    for (const key of keys || []) if (state[key]) params.set(key, state[key]);
    const text = params.toString();
    return text ? "?" + text : "";
  }

  function readFilters() {
    for (const key of FILTER_KEYS) state[key] = fields[key].value;
  }

  // ---- counts: table and bars ---------------------------------------------------------------

  function themeLabel(theme) {
    return theme === NO_THEME ? "Uten tema" : R.themeName(theme);
  }

  function labelName(label) {
    return label === NO_LABEL ? "Uten etikett" : config.labels[label] || label;
  }

  async function loadCounts() {
    const counts = await api("/api/query/counts" + query());
    $("#summary").textContent = R.plural(counts.notes, "godkjent notat", "godkjente notater") + " · " +
      R.plural(counts.items, "punkt", "punkter");
    const matrix = counts.matrix || {};
    const labels = LABEL_ORDER.slice();
    for (const row of Object.values(matrix)) {
      if (row[NO_LABEL] && !labels.includes(NO_LABEL)) labels.push(NO_LABEL);
    }
    const totals = Object.fromEntries(Object.entries(matrix).map(([theme, row]) =>
      [theme, Object.values(row).reduce((a, b) => a + b, 0)]));
    const themes = Object.keys(matrix).sort((a, b) =>
      (a === NO_THEME) - (b === NO_THEME) || totals[b] - totals[a] || themeLabel(a).localeCompare(themeLabel(b), "nb"));
    renderMatrix(matrix, themes, labels, totals);
    renderBars(themes.filter((t) => t !== NO_THEME), totals);
  }

  function cellButton(count, theme, label, description) {
    const selected = state.theme === theme && (state.label || "") === (label || "");
    return el("button", {
      type: "button",
      class: "cell-button" + (selected ? " selected" : ""),
      "aria-pressed": String(selected),
      "aria-label": R.number(count) + " " + (count === 1 ? "punkt" : "punkter") + ": " + description,
      dataset: { focusKey: "cell:" + theme + ":" + (label || "") },
      onclick: () => selectCell(theme, label),
      text: R.number(count),
    });
  }

  function renderMatrix(matrix, themes, labels, totals) {
    const box = $("#matrix");
    if (!themes.length) {
      box.replaceChildren(el("p", { class: "muted", text: "Ingen godkjente notater passer filteret." }));
      return;
    }
    const head = el("tr", {}, el("th", { scope: "col", text: "Tema" }),
      labels.map((l) => el("th", { scope: "col", class: "num", text: labelName(l) })),
      el("th", { scope: "col", class: "num", text: "Totalt" }));
    const rows = themes.map((theme) => {
      const row = matrix[theme];
      const clickable = theme !== NO_THEME;
      return el("tr", {},
        el("th", { scope: "row", text: themeLabel(theme) }),
        labels.map((label) => {
          const count = row[label] || 0;
          const canClick = clickable && count > 0 && label !== NO_LABEL;
          return el("td", { class: "num" + (count ? "" : " zero") }, canClick
            ? cellButton(count, theme, label, themeLabel(theme) + ", " + labelName(label))
            : R.number(count));
        }),
        el("td", { class: "num total" }, clickable && totals[theme]
          ? cellButton(totals[theme], theme, "", themeLabel(theme) + ", alle etiketter")
          : R.number(totals[theme])));
    });
    const focusKey = R.rememberFocus();
    box.replaceChildren(el("table", { class: "matrix" },
      el("caption", { class: "sr-only", text: "Antall punkter per tema (rader) og etikett (kolonner)" }),
      el("thead", {}, head), el("tbody", {}, rows)));
    R.restoreFocus(focusKey);
  }

  function renderBars(themes, totals) {
    const box = $("#bars");
    if (!themes.length) {
      box.replaceChildren(el("p", { class: "muted", text: "Ingen punkter med tema." }));
      return;
    }
    const max = Math.max(...themes.map((t) => totals[t]), 1);
    box.replaceChildren(el("ul", { class: "bar-list" }, themes.map((theme) => {
      const fill = el("span", { class: "bar-fill" });
      fill.style.width = Math.max(2, (totals[theme] / max) * 100) + "%";
      return el("li", { class: "bar-row" },
        el("span", { class: "bar-label", text: themeLabel(theme) }),
        el("span", { class: "bar-track", "aria-hidden": "true" }, fill),
        el("span", { class: "bar-value", text: R.number(totals[theme]) }));
    })));
  }

  // ---- trends -----------------------------------------------------------------------------

  async function loadTrends() {
    const theme = state.trend;
    const data = await api("/api/query/trends" + query({ theme: theme }));
    renderTrend(data.periods || [], theme);
  }

  function periodName(period) {
    const m = /^(\d{4})-H([12])$/.exec(period);
    return m ? m[1] + " " + m[2] + ". halvår" : period;
  }

  function renderTrend(periods, theme) {
    const box = $("#trend");
    const what = theme ? R.themeName(theme) : "alle punkter";
    if (!periods.length) {
      box.replaceChildren(el("p", { class: "muted", text: "Ingen notater med møtedato passer filteret." }));
      return;
    }
    const values = periods.map((p) => (theme ? p.themes[theme] || 0 : p.items));
    const max = Math.max(...values, 1);
    const ns = "http://www.w3.org/2000/svg";
    const svgEl = (tag, attrs, text) => {
      const node = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const barWidth = 44;
    const gap = 14;
    const height = 120;
    const top = 18;
    const bottom = 34;
    const width = Math.max(260, periods.length * (barWidth + gap) + gap);
    const svg = svgEl("svg", {
      viewBox: "0 0 " + width + " " + (height + top + bottom),
      width: width,
      height: height + top + bottom,
      class: "trend-chart",
      role: "img",
      "aria-labelledby": "trend-title",
      preserveAspectRatio: "xMinYMin meet",
    });
    svg.append(svgEl("title", { id: "trend-title" }, "Antall punkter per halvår: " + what + ". " +
      periods.map((p, i) => periodName(p.period) + ": " + values[i]).join(", ")));
    svg.append(svgEl("line", { x1: 0, x2: width, y1: top + height, y2: top + height, class: "axis" }));
    periods.forEach((p, i) => {
      const x = gap + i * (barWidth + gap);
      const h = Math.round((values[i] / max) * height);
      svg.append(svgEl("rect", { x: x, y: top + height - h, width: barWidth, height: Math.max(h, 1), class: "trend-bar" }));
      svg.append(svgEl("text", { x: x + barWidth / 2, y: top + height - h - 4, class: "trend-value" }, String(values[i])));
      const m = /^(\d{4})-H([12])$/.exec(p.period);
      svg.append(svgEl("text", { x: x + barWidth / 2, y: top + height + 14, class: "trend-label" }, m ? m[1] : p.period));
      svg.append(svgEl("text", { x: x + barWidth / 2, y: top + height + 28, class: "trend-label" }, m ? "H" + m[2] : ""));
    });
    const table = el("table", { class: "trend-table" },
      el("caption", { text: "Tallene i grafen: " + what }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Halvår" }),
        el("th", { scope: "col", class: "num", text: "Notater" }),
        el("th", { scope: "col", class: "num", text: theme ? "Punkter med temaet" : "Punkter" }))),
      el("tbody", {}, periods.map((p, i) => el("tr", {},
        el("th", { scope: "row", text: periodName(p.period) }),
        el("td", { class: "num", text: R.number(p.notes) }),
        el("td", { class: "num", text: R.number(values[i]) })))));
    box.replaceChildren(el("div", { class: "chart-scroll" }, svg),
      el("details", {}, el("summary", { text: "Vis som tabell" }), table));
  }

  // ---- results ----------------------------------------------------------------------------

  function describeSelection() {
    if (state.q) return "Søk etter «" + state.q + "»";
    if (state.theme) {
      return themeLabel(state.theme) + (state.label ? " × " + labelName(state.label) : " (alle etiketter)") +
        (state.label ? ". Sitatene har ingen etikett og vises for hele temaet." : "");
    }
    return "";
  }

  function highlight(text) {
    const words = (state.q || "").match(/[\p{L}\p{N}]+/gu) || [];
    if (!words.length) return [text];
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const re = new RegExp("(?<![\\p{L}\\p{N}])(" + escaped.join("|") + ")[\\p{L}\\p{N}]*", "giu");
    const parts = [];
    let pos = 0;
    for (const match of text.matchAll(re)) {
      if (match.index > pos) parts.push(text.slice(pos, match.index));
      parts.push(el("mark", { class: "hit", text: match[0] }));
      pos = match.index + match[0].length;
    }
    parts.push(text.slice(pos));
    return parts;
  }

  function sourceLine(source, section) {
    return el("p", { class: "source" },
      el("span", { class: "source-label", text: "Kilde: " }),
      [source.site, R.formatDate(source.meeting_date), config.romVariants[source.rom_variant] || source.rom_variant,
        config.sections[section] || section].join(" · "),
      " (notat " + source.note_id + ")");
  }

  function itemRow(hit) {
    const how = hit.confidence === null || hit.confidence === undefined
      ? "satt av referent" : "sikkerhet " + R.percent(hit.confidence);
    return el("li", { class: "result" },
      el("p", { class: "result-text" }, highlight(hit.text)),
      el("p", { class: "meta" },
        hit.label ? el("span", { class: "label-tag l-" + hit.label, text: config.labels[hit.label] }) : "Uten etikett",
        " · ", el("span", { text: how }),
        hit.themes.length ? " · " + hit.themes.map(R.themeName).join(", ") : ""),
      sourceLine(hit.source, hit.section));
  }

  function quoteRow(hit) {
    return el("li", { class: "result" },
      el("blockquote", { class: "result-text" }, highlight(hit.text)),
      el("p", { class: "meta" }, "– " + (config.speakers[hit.speaker] || hit.speaker),
        hit.themes.length ? " · " + hit.themes.map(R.themeName).join(", ") : ""),
      sourceLine(hit.source, hit.section));
  }

  function resultQuery(kind, offset) {
    const extra = { limit: String(PAGE), offset: offset ? String(offset) : "" };
    const keys = state.q ? ["q"] : kind === "items" ? ["theme", "label"] : ["theme"];
    return query(extra, keys);
  }

  async function loadResults(kind, append) {
    const list = $(kind === "items" ? "#item-results" : "#quote-results");
    const more = $(kind === "items" ? "#more-items" : "#more-quotes");
    const heading = $(kind === "items" ? "#items-heading" : "#quotes-heading");
    const noun = kind === "items" ? "Punkter" : "Sitater";
    if (!state.q && !state.theme) {
      list.replaceChildren();
      more.hidden = true;
      heading.textContent = noun;
      return;
    }
    const offset = append ? paging[kind] : 0;
    const page = await api("/api/query/" + kind + resultQuery(kind, offset));
    paging[kind] = offset + page.results.length;
    const rows = page.results.map(kind === "items" ? itemRow : quoteRow);
    if (append) list.append(...rows);
    else list.replaceChildren(...rows);
    if (!page.total) list.replaceChildren(el("li", { class: "muted", text: "Ingen treff." }));
    heading.textContent = noun + " (" + R.number(page.total) + ")";
    more.hidden = paging[kind] >= page.total;
  }

  async function loadAllResults() {
    const desc = describeSelection();
    $("#results-desc").textContent = desc || "Velg et tall i tabellen eller søk for å se punkter og sitater.";
    await Promise.all([loadResults("items", false), loadResults("quotes", false)]);
  }

  // ---- exports and report -----------------------------------------------------------------

  function updateExports() {
    for (const kind of ["items", "quotes"]) {
      const keys = state.q ? ["q"] : kind === "items" ? ["theme", "label"] : ["theme"];
      for (const format of ["csv", "xlsx"]) {
        $("#exp-" + kind + "-" + format).href = "/api/exports/" + kind + query({ format: format }, keys);
      }
    }
  }

  function updateReportLinks() {
    const params = new URLSearchParams({
      site_id: $("#r-site").value, year: $("#r-year").value, half: $("#r-half").value,
    });
    for (const format of ["xlsx", "csv"]) {
      params.set("format", format);
      $("#report-" + format).href = "/api/reports/half-year/download?" + params.toString();
    }
  }

  // ---- wiring -----------------------------------------------------------------------------

  async function guarded(work, errorBox) {
    R.showError(errorBox, "");
    try {
      await work();
    } catch (err) {
      if (err.status !== 401) R.showError(errorBox, err.message);
    }
  }

  function refreshAll() {
    writeUrl();
    updateExports();
    return guarded(() => Promise.all([loadCounts(), loadTrends(), loadAllResults()]), $("#filter-error"));
  }

  function refreshSelection(scroll) {
    writeUrl();
    updateExports();
    return guarded(async () => {
      await Promise.all([loadCounts(), loadAllResults()]);
      if (scroll) $("#results").scrollIntoView({ block: "start" });
    }, $("#results-error"));
  }

  function selectCell(theme, label) {
    state.theme = theme;
    state.label = label || "";
    state.q = "";
    $("#q").value = "";
    if (!state.trend && config.themes[theme]) {
      state.trend = theme;
      $("#trend-theme").value = theme;
      guarded(loadTrends, $("#filter-error"));
    }
    refreshSelection(true);
  }

  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    readFilters();
    refreshAll();
  });
  for (const key of ["site_id", "rom_variant"]) {
    fields[key].addEventListener("change", () => {
      readFilters();
      refreshAll();
    });
  }
  $("#f-half").addEventListener("change", (event) => {
    const m = /^(\d{4})-([12])$/.exec(event.target.value);
    if (!m) return;
    fields.date_from.value = m[2] === "1" ? m[1] + "-01-01" : m[1] + "-07-01";
    fields.date_to.value = m[2] === "1" ? m[1] + "-06-30" : m[1] + "-12-31";
    readFilters();
    refreshAll();
  });
  $("#f-reset").addEventListener("click", () => {
    for (const key of STATE_KEYS) state[key] = "";
    fields.site_id.selectedIndex = 0;
    fields.rom_variant.value = "";
    fields.date_from.value = "";
    fields.date_to.value = "";
    $("#f-half").value = "";
    $("#q").value = "";
    $("#trend-theme").value = "";
    readFilters();
    refreshAll();
  });
  $("#search").addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = $("#q").value.trim();
    state.theme = "";
    state.label = "";
    refreshSelection(false);
  });
  $("#trend-theme").addEventListener("change", (event) => {
    state.trend = event.target.value;
    writeUrl();
    guarded(loadTrends, $("#filter-error"));
  });
  $("#more-items").addEventListener("click", () => guarded(() => loadResults("items", true), $("#results-error")));
  $("#more-quotes").addEventListener("click", () => guarded(() => loadResults("quotes", true), $("#results-error")));
  for (const id of ["#r-site", "#r-year", "#r-half"]) $(id).addEventListener("change", updateReportLinks);

  readUrl();
  updateReportLinks();
  refreshAll();
})();
