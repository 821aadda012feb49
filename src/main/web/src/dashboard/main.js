// The coordination dashboard (served at /): sign in, pick an operation, and see it at a glance: the headline
// figures, each movement against its quota, the map, evacuated over time with a slider that replays the operation
// (GET …/tallies?asOf=T), the convoy board and the alerts. Live through the server-sent stream (GET …/stream).
// Every figure is the API's own; the page computes none of them.
import "./dashboard.css";
import { api, ApiError, login, logout, me } from "../shared/api.js";
import { addStrings, apply, dateTime, digits, language, localName, number, onChange, percent, setDigits, setLanguage, t } from "../shared/i18n.js";
import { strings } from "./strings.js";
import { drawMap, loadCountries, movementName } from "./map.js";
import { drawChart, PALETTE } from "./chart.js";

addStrings(strings);

const FIGURES = ["evacuated", "sinceMidnight", "inTransit", "detained", "unaccounted"];
const OPERATION_KEY = "corridor.operation";
const TILES_KEY = "corridor.tiles";
const app = document.getElementById("app");
const top = document.getElementById("top");
const announcer = document.getElementById("announcer");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function spinner() {
  return element("p", { class: "loading", role: "status" }, element("span", { class: "spinner", "aria-hidden": "true" }), " ", t("loading"));
}

/** What went wrong, said so that the reader knows what to do next. */
function explain(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) return t("errorSession");
    if (error.status === 403) return t("errorForbidden");
    return t("errorServer", { detail: error.message });
  }
  return t("errorNetwork");
}

// ---------------------------------------------------------------------------------------------------------------
// Preferences: language and digits (remembered by i18n.js), shown on every screen.

function preferences() {
  const languagePicker = element(
    "select",
    { id: "language", "aria-label": t("language") },
    element("option", { value: "en", lang: "en" }, "English"),
    element("option", { value: "ar", lang: "ar" }, "العربية"),
  );
  languagePicker.value = language();
  languagePicker.addEventListener("change", () => setLanguage(languagePicker.value));
  const digitsPicker = element(
    "select",
    { id: "digits", "aria-label": t("digits") },
    element("option", { value: "arab" }, t("digitsArab")),
    element("option", { value: "latn" }, t("digitsLatn")),
  );
  digitsPicker.value = digits();
  digitsPicker.addEventListener("change", () => setDigits(digitsPicker.value));
  return element(
    "div",
    { class: "preferences" },
    element("label", { for: "language" }, t("language")),
    languagePicker,
    element("label", { for: "digits" }, t("digits")),
    digitsPicker,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-in.

let screen = null; // the function that redraws the current screen after a change of language or digits

function showSignIn(message = "") {
  stopLive();
  const form = element(
    "form",
    { class: "sign-in", novalidate: true },
    element("h1", {}, t("title")),
    element("p", { class: "hint" }, t("signInHelp")),
    element("label", { for: "sign-in-id" }, t("account")),
    element("input", { id: "sign-in-id", name: "id", autocomplete: "username", required: true, autocapitalize: "none", spellcheck: "false" }),
    element("label", { for: "sign-in-password" }, t("password")),
    element("input", { id: "sign-in-password", name: "password", type: "password", autocomplete: "current-password", required: true }),
    element("p", { class: "error", role: "alert", id: "sign-in-error" }, message),
    element("button", { type: "submit" }, t("signIn")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    const error = form.querySelector(".error");
    if (!form.elements.id.value || !form.elements.password.value) {
      error.textContent = t("badCredentials");
      return;
    }
    button.disabled = true;
    button.textContent = t("signingIn");
    try {
      await login(form.elements.id.value.trim(), form.elements.password.value);
      start();
    } catch (failure) {
      button.disabled = false;
      button.textContent = t("signIn");
      if (failure instanceof ApiError && failure.status === 401) error.textContent = t("badCredentials");
      else if (failure instanceof ApiError && failure.status === 429) error.textContent = t("tooManyAttempts");
      else error.textContent = explain(failure);
      form.elements.password.select();
    }
  });
  top.replaceChildren(element("div", { class: "bar" }, element("span", { class: "brand" }, t("title")), preferences()));
  app.replaceChildren(form);
  screen = () => showSignIn(form.querySelector(".error").textContent);
  form.elements.id.focus();
}

// ---------------------------------------------------------------------------------------------------------------
// The operation.

const state = {
  who: null,
  operations: [],
  op: null,
  definition: null, // null when this account may not read it
  tallies: null,
  signed: null, // tallies of signed observations alone
  convoys: null, // null when this account may not read them
  series: null,
  seriesAt: 0, // when the series was last fetched (ms)
  seriesCost: 0, // how long that took (ms)
  live: null, // {tallies, convoys} of now, kept while a replay is shown
  asOf: null, // null: live; otherwise ms of the replayed moment
  connection: "live",
  error: "",
  updatedAt: null,
};

const OP = () => `/api/operations/${encodeURIComponent(state.op)}`;
const query = (params) => {
  const entries = Object.entries(params).filter(([, v]) => v !== null && v !== undefined);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
};
const asOfParam = () => (state.asOf === null ? null : new Date(state.asOf).toISOString());

/** GET that answers null on 403 (this role may not read it) instead of failing. */
async function optional(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null;
    throw error;
  }
}

let generation = 0; // bumps on every new fetch of the figures, so that a slow old answer never overwrites a newer one

async function fetchFigures() {
  const mine = ++generation;
  const asOf = asOfParam();
  const [tallies, signed, convoys] = await Promise.all([
    api(`${OP()}/tallies${query({ asOf })}`),
    optional(`${OP()}/tallies${query({ asOf, signed: "only" })}`),
    optional(`${OP()}/convoys${query({ asOf })}`),
  ]);
  if (mine !== generation) return false;
  Object.assign(state, { tallies, signed, convoys, updatedAt: Date.now() });
  if (asOf === null) state.live = { tallies, convoys };
  return true;
}

async function fetchSeries() {
  const started = Date.now();
  state.seriesAt = started;
  state.series = await api(`${OP()}/tallies/series`);
  state.seriesCost = Date.now() - started;
}

/** How often the whole series is fetched again while live (it costs the server one asOf per point). */
const SERIES_REFRESH = 30000;

/**
 * The series to draw: the server's, ending with the live figures (so that a new observation shows in the chart at
 * once, without asking for the whole series again), placed at the latest time the page knows of.
 */
function chartSeries() {
  const series = state.series;
  const live = state.live?.tallies;
  if (!series?.points?.length || !live) return series;
  const last = series.points[series.points.length - 1];
  const movements = Object.fromEntries(live.movements.map((m) => [m.id, m.evacuated]));
  const same = last.evacuated === live.evacuated && live.movements.every((m) => last.movements?.[m.id] === m.evacuated);
  if (same) return series;
  const lastAt = Date.parse(last.asOf);
  const latest = Math.max(lastAt, ...(state.live.convoys || []).map((c) => Date.parse(c.lastAt) || 0));
  const point = { asOf: new Date(latest).toISOString(), evacuated: live.evacuated, movements };
  const points = latest > lastAt ? [...series.points, point] : [...series.points.slice(0, -1), point];
  return { ...series, points, to: point.asOf };
}

async function showOperation() {
  stopLive();
  state.op = state.operations.some((o) => o.id === state.op) ? state.op : state.operations[0].id;
  localStorage.setItem(OPERATION_KEY, state.op);
  Object.assign(state, { definition: null, tallies: null, signed: null, convoys: null, series: null, asOf: null, error: "" });
  layout();
  try {
    const definition = optional(OP());
    const figures = fetchFigures();
    // The headline first, from the tallies alone: the board of a large operation takes longer to fetch and draw.
    const headline = await api(`${OP()}/tallies`);
    if (!state.tallies) state.tallies = headline;
    renderStatus();
    renderHeadline();
    performance.mark("corridor:headline");
    await figures;
    state.definition = await definition;
    await nextFrame();
    renderFigures();
    startLive();
    await fetchSeries();
    renderChart();
    renderTimeline();
    await loadCountries().catch(() => {
      sections.map.append(element("p", { class: "error", role: "alert" }, t("mapUnavailable")));
    });
    renderMap();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn(t("errorSession"));
    showError(error, showOperation);
  }
}

/** Lets the browser paint what is drawn so far before the next, larger part. */
function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function showError(error, retry) {
  state.error = explain(error);
  sections.status.replaceChildren(
    element("p", { class: "error", role: "alert" }, state.error, " ", element("button", { type: "button", class: "link", id: "retry" }, t("retry"))),
  );
  sections.status.querySelector("#retry").addEventListener("click", retry);
}

// ---------------------------------------------------------------------------------------------------------------
// Layout: the sections, made once per operation and filled by the render functions.

const sections = {};

function section(id, headingKey, ...children) {
  return element("section", { id, "aria-labelledby": `${id}-heading`, class: `panel ${id}` }, element("h2", { id: `${id}-heading` }, t(headingKey)), ...children);
}

function layout() {
  const picker = element("select", { id: "operation" });
  for (const operation of state.operations) {
    picker.append(element("option", { value: operation.id }, localName(operation.name) || operation.id));
  }
  picker.value = state.op;
  picker.addEventListener("change", () => {
    state.op = picker.value;
    showOperation();
  });
  const signOut = element("button", { type: "button", class: "secondary" }, t("signOut"));
  signOut.addEventListener("click", async () => {
    await logout().catch(() => {});
    showSignIn();
  });
  const printButton = element("button", { type: "button", class: "secondary" }, t("print"));
  printButton.addEventListener("click", () => window.print());
  top.replaceChildren(
    element(
      "div",
      { class: "bar" },
      element("span", { class: "brand" }, t("title")),
      element("label", { for: "operation" }, t("operation")),
      picker,
      preferences(),
      element("span", { class: "who" }, state.who?.id || ""),
      printButton,
      signOut,
    ),
  );

  sections.status = element("div", { class: "status-line" });
  sections.headline = element("dl", { class: "headline" });
  sections.timeline = element("div", { class: "timeline" });
  sections.map = element("div", { class: "map" });
  sections.chart = element("div", { class: "chart" });
  sections.movements = element("div", { class: "table-wrap" });
  sections.board = element("div", { class: "table-wrap board" });
  sections.alerts = element("div", { class: "alerts-list" });
  sections.tiles = tileSettings();

  const name = localName(state.operations.find((o) => o.id === state.op)?.name) || state.op;
  app.replaceChildren(
    element("h1", { id: "figures", tabindex: "-1" }, name),
    element("p", { class: "print-only" }, t("print"), " · ", dateTime(new Date().toISOString())),
    sections.status,
    sections.headline,
    sections.timeline,
    element(
      "div",
      { class: "pair" },
      section("map-panel", "map", element("p", { class: "hint" }, t("mapHelp")), sections.map, legend(), sections.tiles),
      section("chart-panel", "chart", element("p", { class: "hint" }, t("chartHelp")), sections.chart, element("ul", { class: "chart-key" })),
    ),
    section("movements", "movements", sections.movements),
    section("convoys", "convoys", sections.board),
    section("alerts", "alerts", sections.alerts),
  );
  sections.headline.append(spinner());
  screen = redraw;
}

function legend() {
  const item = (kind, key) => element("li", { class: `legend-${kind}` }, element("span", { class: "swatch", "aria-hidden": "true" }), t(key));
  return element(
    "ul",
    { class: "legend" },
    item("origin", "legendOrigin"),
    item("checkpoint", "legendCheckpoint"),
    item("destination", "legendDestination"),
    item("convoys", "legendConvoys"),
  );
}

/** The optional tile address: off by default; only an address on this server (the CSP allows no other). */
function tileTemplate() {
  const stored = localStorage.getItem(TILES_KEY) || "";
  return /^\/(?!\/)\S*\{z\}\S*\{x\}\S*\{y\}/.test(stored) ? stored : "";
}

function tileSettings() {
  const input = element("input", { id: "tiles", type: "text", value: tileTemplate(), placeholder: "/tiles/{z}/{x}/{y}.png", dir: "ltr", spellcheck: "false" });
  const details = element(
    "details",
    { class: "tile-settings" },
    element("summary", {}, t("tiles"), ": ", tileTemplate() ? t("tilesOn") : t("tilesOff")),
    element("label", { for: "tiles" }, t("tilesTemplate")),
    input,
  );
  input.addEventListener("change", () => {
    const value = input.value.trim();
    if (value === "") localStorage.removeItem(TILES_KEY);
    else localStorage.setItem(TILES_KEY, value);
    input.setCustomValidity(value === "" || tileTemplate() ? "" : t("tilesTemplate"));
    input.reportValidity();
    details.querySelector("summary").textContent = `${t("tiles")}: ${tileTemplate() ? t("tilesOn") : t("tilesOff")}`;
    renderMap();
  });
  return details;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering.

function zone() {
  return state.definition?.timezone || "UTC";
}

function when(iso) {
  return iso ? dateTime(iso, { dateStyle: "medium", timeStyle: "short", timeZone: zone() }) : "—";
}

/** A shorter time for table cells: day, month and time of day (the year is the operation's). */
function short(iso) {
  return iso ? dateTime(iso, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: zone() }) : "—";
}

function renderStatus() {
  if (!sections.status || !state.tallies) return;
  const live = state.asOf === null;
  const badge = live
    ? element("span", { class: `badge ${state.connection === "live" ? "badge-live" : "badge-warn"}` }, state.connection === "live" ? t("liveNow") : t("reconnecting"))
    : element("span", { class: "badge badge-replay" }, t("replaying", { time: when(state.tallies.asOf) }));
  sections.status.replaceChildren(badge, " ", element("span", { class: "as-of", "data-as-of": state.tallies.asOf }, t("asOf", { time: when(state.tallies.asOf) })));
}

function renderHeadline() {
  const tallies = state.tallies;
  if (!tallies) return;
  // Built once, then updated in place: a live event changes the text of the figures, not the elements.
  if (!sections.headline.querySelector("[data-figure]") || Boolean(sections.headline.querySelector("[data-signed-figure]")) !== Boolean(state.signed)) {
    sections.headline.replaceChildren();
    for (const key of FIGURES) {
      const signed = state.signed ? element("dd", { class: "sub" }, element("span", { class: "signed-figure", "data-signed-figure": key })) : null;
      sections.headline.append(element("div", { class: `figure figure-${key}` }, element("dt", {}, t(key)), element("dd", { "data-figure": key }), signed));
    }
  }
  for (const key of FIGURES) {
    const figure = sections.headline.querySelector(`[data-figure=${key}]`);
    const text = number(tallies[key]);
    if (figure.textContent !== text) figure.textContent = text;
    const signed = sections.headline.querySelector(`[data-signed-figure=${key}]`);
    if (signed) signed.textContent = t("signedOnly", { n: number(state.signed[key]) });
  }
}

function movementsOf(definition) {
  return (definition?.agreements || []).flatMap((agreement) => agreement.movements || []);
}

function movementLabel(id) {
  const movement = movementsOf(state.definition).find((m) => m.id === id);
  return movement ? movementName(state.definition, movement) : id;
}

function openingText(movement) {
  const opens = movement?.opens;
  if (!opens) return t("opensAlways");
  if (opens.at) return t("opensAt", { time: short(opens.at) });
  if (opens.after) return t("opensAfter", { movement: movementLabel(opens.after.movement), n: number(opens.after.reaches) });
  return "—";
}

function renderMovements() {
  const tallies = state.tallies;
  if (!tallies) return;
  const definitions = new Map(movementsOf(state.definition).map((m) => [m.id, m]));
  const head = ["movement", "status", "progress", "inTransit", "remaining", "opening", "rate", "eta", "deadline"];
  const table = element("table", {}, element("thead", {}, element("tr", {}, ...head.map((key) => element("th", { scope: "col" }, t(key))))));
  const body = element("tbody");
  tallies.movements.forEach((movement, index) => {
    const definition = definitions.get(movement.id);
    const bar = element("div", { class: "bar-track", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(Math.round(movement.progress * 100)), "aria-label": t("progress") });
    const fill = element("div", { class: "bar-fill" });
    fill.style.width = `${Math.min(100, movement.progress * 100)}%`;
    fill.style.backgroundColor = PALETTE[index % PALETTE.length];
    bar.append(fill);
    body.append(
      element(
        "tr",
        { "data-movement": movement.id },
        element("th", { scope: "row" }, movementLabel(movement.id), element("span", { class: "id" }, movement.id)),
        element("td", {}, element("span", { class: `status status-${movement.status}`, "data-field": "status", "data-value": movement.status }, t(`status.${movement.status}`))),
        element(
          "td",
          { class: "progress-cell" },
          bar,
          element("span", { class: "num" }, element("span", { "data-field": "evacuated" }, number(movement.evacuated)), " / ", element("span", { "data-field": "quota" }, number(movement.quota)), " · ", percent(movement.progress)),
        ),
        element("td", { class: "num", "data-field": "inTransit" }, number(movement.inTransit)),
        element("td", { class: "num", "data-field": "remaining" }, number(movement.remaining)),
        element(
          "td",
          {},
          openingText(definition),
          movement.openedAt ? element("span", { class: "sub-line" }, `${t("openedAt")}: `, element("span", { class: "when", "data-field": "openedAt" }, short(movement.openedAt))) : null,
        ),
        element("td", { class: "num", "data-field": "ratePerHour" }, number(movement.ratePerHour, { maximumFractionDigits: 1 })),
        element("td", { class: "when", "data-field": "eta" }, short(movement.eta)),
        element("td", { class: "when" }, short(definition?.deadline)),
      ),
    );
  });
  table.append(body);
  sections.movements.replaceChildren(table);
}

let boardRows = new Map(); // convoy id → {key, row}: the rows drawn last time

function renderBoard() {
  const started = performance.now();
  const convoys = state.convoys;
  if (convoys === null) {
    sections.board.replaceChildren(element("p", { class: "hint" }, t("errorForbidden")));
    return;
  }
  if (convoys.length === 0) {
    sections.board.replaceChildren(element("p", { class: "hint" }, t("noConvoys")));
    return;
  }
  const sites = new Map((state.definition?.sites || []).map((site) => [site.id, site]));
  const labels = new Map();
  const labelOf = (id) => {
    if (!labels.has(id)) labels.set(id, movementLabel(id));
    return labels.get(id);
  };
  const head = ["convoy", "movement", "status", "departed", "arrived", "detained", "lastSite", "lastAt", "disputed", "signed"];
  const table = element("table", {}, element("thead", {}, element("tr", {}, ...head.map((key) => element("th", { scope: "col" }, t(key))))));
  const body = element("tbody");
  const rows = [];
  const kept = new Map();
  for (const convoy of convoys) {
    // A row whose convoy, language and digits are unchanged is kept as it is: an update redraws only what changed.
    const key = `${language()}|${digits()}|${zone()}|${JSON.stringify(convoy)}`;
    const cached = boardRows.get(convoy.id);
    if (cached && cached.key === key) {
      rows.push(cached.row);
      kept.set(convoy.id, cached);
      continue;
    }
    const row =
      element(
        "tr",
        { "data-convoy": convoy.id, class: convoy.disputed ? "disputed" : null },
        element("th", { scope: "row" }, convoy.id),
        element("td", {}, labelOf(convoy.movement)),
        element("td", {}, element("span", { class: `status status-${convoy.status}`, "data-field": "status", "data-value": convoy.status }, t(`status.${convoy.status}`))),
        element("td", { class: "num", "data-field": "departed" }, number(convoy.departed)),
        element("td", { class: "num", "data-field": "arrived" }, number(convoy.arrived)),
        element("td", { class: "num", "data-field": "detained" }, number(convoy.detained)),
        element("td", { "data-field": "lastSite", "data-value": convoy.lastSite ?? "" }, localName(sites.get(convoy.lastSite)?.name) || convoy.lastSite || "—"),
        element("td", { class: "when", "data-field": "lastAt" }, short(convoy.lastAt)),
        element("td", { "data-field": "disputed", "data-value": String(convoy.disputed) }, convoy.disputed ? t("yes") : t("no")),
        element("td", { "data-field": "signed", "data-value": String(Boolean(convoy.signed)) }, convoy.signed ? t("yes") : t("no")),
      );
    rows.push(row);
    kept.set(convoy.id, { key, row });
  }
  boardRows = kept;
  const shown = sections.board.querySelector("tbody");
  const headings = `${language()}|${head.length}`;
  const sameOrder = shown && shown.children.length === rows.length && rows.every((row, index) => shown.children[index].dataset.convoy === row.dataset.convoy);
  if (sameOrder && shown.dataset.headings === headings) {
    // The same table: swap only the rows that changed, so the browser lays out little.
    rows.forEach((row, index) => {
      if (shown.children[index] !== row) shown.children[index].replaceWith(row);
    });
  } else {
    body.dataset.headings = headings;
    body.append(...rows);
    table.append(body);
    sections.board.replaceChildren(table);
  }
  performance.measure("corridor:board", { start: started, end: performance.now() });
}

/** When an alert's cause happened, as far as the page can tell, so that the newest come first. */
function alertTime(alert) {
  const convoy = (state.convoys || []).find((c) => c.id === alert.subject);
  if (convoy) return Date.parse(convoy.lastAt) || 0;
  const movement = movementsOf(state.definition).find((m) => m.id === alert.subject);
  if (alert.kind === "movement-overdue" && movement?.deadline) return Date.parse(movement.deadline);
  const related = (state.convoys || []).filter((c) => c.movement === alert.subject).map((c) => Date.parse(c.lastAt) || 0);
  return related.length ? Math.max(...related) : 0;
}

function alertText(alert) {
  const convoy = (state.convoys || []).find((c) => c.id === alert.subject);
  const movement = state.tallies?.movements.find((m) => m.id === alert.subject);
  const sites = new Map((state.definition?.sites || []).map((site) => [site.id, site]));
  const params = {
    subject: movement ? movementLabel(alert.subject) : alert.subject,
    departed: number(convoy?.departed),
    arrived: number(convoy?.arrived),
    missing: number(convoy ? convoy.departed - convoy.arrived - convoy.detained : null),
    site: localName(sites.get(convoy?.lastSite)?.name) || convoy?.lastSite || "—",
    remaining: number(movement?.remaining),
    quota: number(movement?.quota),
  };
  const key = `alert.${alert.kind}`;
  // The server's own sentence (English) where the page has no words for the kind or lacks the convoy's figures.
  if (t(key) === key || (alert.subject && alert.kind.startsWith("convoy-") && !convoy && language() === "en")) return alert.message;
  return t(key, params);
}

function renderAlerts() {
  const alerts = state.tallies?.alerts || [];
  if (alerts.length === 0) {
    sections.alerts.replaceChildren(element("p", { class: "hint" }, t("noAlerts")));
    return;
  }
  const ordered = alerts.map((alert, index) => ({ alert, index, at: alertTime(alert) })).sort((a, b) => b.at - a.at || a.index - b.index);
  sections.alerts.replaceChildren(
    element(
      "ol",
      { class: "alerts" },
      ...ordered.map(({ alert, at }) =>
        element(
          "li",
          { class: `alert alert-${alert.kind}`, "data-kind": alert.kind, "data-subject": alert.subject },
          at ? element("time", { datetime: new Date(at).toISOString() }, short(new Date(at).toISOString())) : null,
          element("span", { class: "alert-text" }, alertText(alert)),
        ),
      ),
    ),
  );
}

function renderMap() {
  if (!sections.map || !state.definition || !state.tallies) return;
  const duration = drawMap(sections.map, { definition: state.definition, tallies: state.tallies, convoys: state.convoys, tiles: tileTemplate() });
  performance.measure("corridor:map", { start: performance.now() - duration, duration });
}

function renderChart() {
  const series = chartSeries();
  if (!sections.chart || !series) return;
  const movements = (state.tallies?.movements || []).map((m) => ({ id: m.id, label: movementLabel(m.id) }));
  const duration = drawChart(sections.chart, {
    series,
    movements,
    marker: state.asOf ?? (series.to ? Date.parse(series.to) : null),
    timeZone: zone(),
    onPick: (ms) => replay(ms),
  });
  performance.measure("corridor:chart", { start: performance.now() - duration, duration });
  const key = app.querySelector(".chart-key");
  if (key) {
    key.replaceChildren(
      element("li", {}, element("span", { class: "swatch swatch-total", "aria-hidden": "true" }), t("total")),
      ...movements.map((m, index) => {
        const swatch = element("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.backgroundColor = PALETTE[index % PALETTE.length];
        return element("li", {}, swatch, m.label);
      }),
    );
  }
}

const SLIDER_STEP = 15; // minutes

function renderTimeline() {
  const series = chartSeries();
  if (!sections.timeline || !series?.from) return;
  const first = Math.floor(Date.parse(series.from) / 60000 / SLIDER_STEP) * SLIDER_STEP;
  const last = Math.ceil(Date.parse(series.to) / 60000 / SLIDER_STEP) * SLIDER_STEP;
  const current = state.asOf === null ? last : Math.round(state.asOf / 60000);
  const label = state.asOf === null ? t("live") : when(new Date(state.asOf).toISOString());
  const existing = sections.timeline.querySelector("input");
  if (existing && document.activeElement === existing) {
    // Keep the control the person is moving; only its bounds and text follow.
    existing.min = first;
    existing.max = last;
    existing.setAttribute("aria-valuetext", label);
    sections.timeline.querySelector("output").textContent = label;
    return;
  }
  const slider = element("input", { id: "time", type: "range", min: first, max: last, step: SLIDER_STEP, value: current, "aria-valuetext": label });
  const output = element("output", { for: "time", class: "time-label" }, label);
  let pending = null;
  slider.addEventListener("input", () => {
    const ms = Number(slider.value) * 60000;
    const text = when(new Date(ms).toISOString());
    output.textContent = text;
    slider.setAttribute("aria-valuetext", text);
    clearTimeout(pending);
    pending = setTimeout(() => replay(ms), 120);
  });
  const liveButton = element("button", { type: "button", class: "secondary", disabled: state.asOf === null }, t("backToLive"));
  liveButton.addEventListener("click", () => goLive());
  sections.timeline.replaceChildren(element("label", { for: "time" }, t("slider")), slider, output, liveButton);
}

function renderFigures() {
  renderStatus();
  renderHeadline();
  renderMovements();
  renderBoard();
  renderAlerts();
  renderMap();
}

function redraw() {
  layout();
  renderFigures();
  renderChart();
  renderTimeline();
}

// ---------------------------------------------------------------------------------------------------------------
// Replay (asOf) and live updates.

async function replay(ms) {
  state.asOf = Math.round(ms);
  try {
    if (await fetchFigures()) {
      renderFigures();
      renderChart();
      renderTimeline();
    }
  } catch (error) {
    showError(error, () => replay(ms));
  }
}

async function goLive() {
  state.asOf = null;
  try {
    await fetchFigures();
    renderFigures();
    renderChart();
    renderTimeline();
    sections.timeline.querySelector("input")?.focus();
  } catch (error) {
    showError(error, goLive);
  }
}

let source = null;
let retryTimer = null;
let refetchTimer = null;
let backoff = 1000;

function startLive() {
  stopLive();
  const url = `${OP()}/stream`;
  source = new EventSource(url);
  source.addEventListener("open", () => {
    const wasDown = state.connection !== "live";
    state.connection = "live";
    backoff = 1000;
    if (wasDown) {
      announcer.textContent = t("liveNow");
      state.seriesAt = 0; // what was missed may be back-dated: the whole series again
      scheduleRefetch(0);
    }
    renderStatus();
  });
  source.addEventListener("tallies", (event) => {
    const tallies = JSON.parse(event.data);
    if (tallies.operation !== state.op) return;
    if (state.live) state.live.tallies = tallies;
    if (state.asOf === null) {
      state.tallies = tallies;
      renderStatus();
      renderHeadline();
      renderMovements();
      renderAlerts();
    }
    scheduleRefetch(50);
  });
  source.addEventListener("error", () => {
    if (state.connection !== "reconnecting") {
      state.connection = "reconnecting";
      announcer.textContent = t("reconnecting");
      renderStatus();
    }
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (an error status such as 502 from a proxy, or 401): try again ourselves.
      clearTimeout(retryTimer);
      retryTimer = setTimeout(async () => {
        try {
          if (!(await me())) return showSignIn(t("errorSession"));
        } catch {
          // still down: open the stream again, which fails and comes back here
        }
        startLive();
      }, backoff);
      backoff = Math.min(15000, backoff * 2);
    }
  });
}

function stopLive() {
  clearTimeout(retryTimer);
  clearTimeout(refetchTimer);
  if (source) source.close();
  source = null;
}

/**
 * After a live event: the convoys and the signed figures, once for a burst of events; the whole series at most
 * every SERIES_REFRESH (in between, the chart ends with the live figures).
 */
function scheduleRefetch(delay) {
  clearTimeout(refetchTimer);
  refetchTimer = setTimeout(async () => {
    try {
      // A series that took the server long (a very large operation) is asked for proportionately less often.
      const seriesDue = Date.now() - state.seriesAt >= Math.max(SERIES_REFRESH, 20 * (state.seriesCost || 0));
      const [figures] = await Promise.all([
        state.asOf === null ? fetchFigures() : Promise.resolve(false),
        seriesDue ? fetchSeries() : Promise.resolve(),
      ]);
      if (figures) renderFigures();
      renderChart();
      renderTimeline();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) showSignIn(t("errorSession"));
      // otherwise the stream's own error handling shows the state and the next event tries again
    }
  }, delay);
}

// ---------------------------------------------------------------------------------------------------------------

async function start() {
  app.replaceChildren(spinner());
  try {
    state.who = await me();
    if (!state.who) return showSignIn();
    state.operations = await api("/api/operations");
    if (state.operations.length === 0) {
      top.replaceChildren(element("div", { class: "bar" }, element("span", { class: "brand" }, t("title")), preferences()));
      app.replaceChildren(element("p", { class: "hint" }, t("noOperations")));
      screen = start;
      return;
    }
    state.op = state.op || localStorage.getItem(OPERATION_KEY);
    await showOperation();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    app.replaceChildren(element("p", { class: "error", role: "alert" }, explain(error)));
    setTimeout(start, 5000);
  }
}

onChange(() => {
  document.title = t("title");
  if (screen) screen();
});
apply();
start();
