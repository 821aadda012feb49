// The field app (served at /field/): a monitor at a checkpoint records what they see, with or without a connection.
// Every record is written to IndexedDB with its UUID the moment it is saved (db.js), checked first by the server's
// rules (validate.js), signed on this device when the operation holds this device's key (signing.js), and sent by
// the queue (sync.js) whenever the server can be reached. Pending, sent and refused counts are always on screen.
import "./field.css";
import { api, ApiError, me, login } from "../shared/api.js";
import { addStrings, apply, t, number, dateTime, localName, language, setLanguage, digits, setDigits, onChange } from "../shared/i18n.js";
import { strings } from "./strings.js";
import * as db from "./db.js";
import { validate, FIELDS, CATEGORIES, SEVERITIES } from "./validate.js";
import { canonicalize, deviceKey, sign } from "./signing.js";
import { createSync } from "./sync.js";

addStrings(strings);

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/field/sw.js", { scope: "/field/" }).catch(() => {});
}

const state = {
  who: null, // {id, role, operations?}, as the server last said
  token: null, // a device token, when one was given instead of a password session
  sessionChecked: false,
  operations: [],
  setup: {}, // {operation, site, monitor}
  definition: null,
  choosing: false,
  type: null,
  editing: null, // a refused record being corrected
  draft: {},
  problems: [],
  message: null,
  counts: { pending: 0, sent: 0, refused: 0 },
  refused: [],
  key: null,
  keyError: null,
  discardArmed: null,
  definitionReadAt: 0,
};

// ---- talking to the server ----------------------------------------------------------------------------------

function call(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  return api(path, { ...options, headers });
}

/** Who the server says we are, or null when it says we are no one (401). Throws when it cannot be reached. */
async function whoAmI() {
  if (!state.token) return me();
  try {
    return await call("/api/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

async function ensureSession() {
  if (state.sessionChecked) return;
  const who = await whoAmI();
  if (!who) throw new ApiError(401, { title: "Sign in again" });
  await remember(who);
}

async function remember(who) {
  state.who = { id: who.id, role: who.role, operations: who.operations || null };
  state.sessionChecked = true;
  await db.setSetting("who", state.who);
}

const sync = createSync({
  ensureSession,
  post: async (operation, batch) => {
    try {
      return await call(`/api/operations/${encodeURIComponent(operation)}/observations`, { method: "POST", body: batch });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) state.sessionChecked = false;
      throw error;
    }
  },
  onChange: () => refreshQueue(),
});

async function loadOperations() {
  try {
    state.operations = await call("/api/operations");
    await db.setSetting("operations", state.operations);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) state.sessionChecked = false;
    state.operations = (await db.setting("operations")) || state.operations;
  }
}

async function loadDefinition(id) {
  if (!id) {
    state.definition = null;
    return;
  }
  try {
    const definition = await call(`/api/operations/${encodeURIComponent(id)}`);
    await db.setSetting(`definition:${id}`, definition);
    state.definition = definition;
    state.definitionReadAt = Date.now();
  } catch {
    state.definition = (await db.setting(`definition:${id}`)) || null;
  }
}

// ---- small DOM helpers ---------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "text") node.textContent = value;
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Western digits from whatever the keyboard typed (Arabic-Indic ٠–٩ and Persian ۰–۹ included). */
function westernDigits(text) {
  return String(text).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

function isoWithOffset(date) {
  const pad = (n) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function localInputValue(iso) {
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function fieldLabel(field) {
  const base = String(field).split(".")[0];
  const key = `field.${base}`;
  return t(key) === key ? field : t(key);
}

function movements() {
  return (state.definition?.agreements || []).flatMap((agreement) => agreement.movements || []);
}

function nameOf(list, id) {
  const item = (list || []).find((entry) => entry.id === id);
  return item ? localName(item.name) || id : id;
}

// ---- the page ------------------------------------------------------------------------------------------------

const app = document.getElementById("app");
const header = el("header", { class: "bar" });
const banner = el("section", { class: "banner", "aria-live": "polite" });
const main = el("section", { class: "work" });
const refusedSection = el("section", { class: "refused", id: "refused", "aria-live": "polite" });
const keySection = el("section", { class: "key" });
app.replaceChildren(header, banner, main, refusedSection, keySection);

function renderHeader() {
  const online = navigator.onLine;
  const status = sync.status;
  header.replaceChildren(
    el("div", { class: "bar-top" },
      el("h1", { text: t("title") }),
      el("div", { class: "bar-tools" },
        el("button", { type: "button", class: "small", lang: language() === "ar" ? "en" : "ar", onclick: () => setLanguage(language() === "ar" ? "en" : "ar"), text: t("language") }),
        el("button", { type: "button", class: "small", "aria-label": t("digitsLabel"), onclick: () => setDigits(digits() === "arab" ? "latn" : "arab"), text: digits() === "arab" ? t("digitsLatn") : t("digitsArab") }))),
    el("div", { class: "counts", role: "status" },
      el("span", { class: "count pending", dataset: { count: "pending", value: String(state.counts.pending) } }, el("b", { text: number(state.counts.pending) }), " ", t("pending")),
      el("span", { class: "count sent", dataset: { count: "sent", value: String(state.counts.sent) } }, el("b", { text: number(state.counts.sent) }), " ", t("sent")),
      state.counts.refused ? el("a", { href: "#refused", class: "count refused", dataset: { count: "refused", value: String(state.counts.refused) } }, el("b", { text: number(state.counts.refused) }), " ", t("refused")) : null,
      el("span", { class: `net ${online ? "on" : "off"}`, dataset: { online: String(online) } }, status.running && status.inFlight ? t("syncing") : online ? t("online") : t("offline")),
      state.counts.pending && !status.running
        ? el("button", { type: "button", class: "small", onclick: () => sync.retryNow(), text: status.nextTry ? `${t("syncNow")} · ${t("nextTry", { time: dateTime(new Date(status.nextTry).toISOString(), { timeStyle: "medium" }) })}` : t("syncNow") })
        : null));
}

function signInForm(again) {
  const failure = el("p", { class: "error", role: "alert" });
  const form = el("form", { class: "sign-in", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      state.token = null;
      await db.deleteSetting("deviceToken");
      await remember(await login(String(data.get("id")).trim(), String(data.get("password"))));
      await afterSignIn();
    } catch (error) {
      failure.textContent = error instanceof TypeError ? t("needsConnection") : t("loginFailed", { reason: error.message });
    }
  } },
    el("h2", { text: again ? t("signInAgain") : t("signIn") }),
    el("label", {}, el("span", { text: t("account") }), el("input", { name: "id", autocomplete: "username", autocapitalize: "off", required: true, value: state.who?.id || "" })),
    el("label", {}, el("span", { text: t("password") }), el("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit", class: "primary", text: t("signIn") }),
    failure);
  const tokenForm = el("form", { class: "token", onsubmit: async (event) => {
    event.preventDefault();
    const token = String(new FormData(tokenForm).get("token")).trim();
    state.token = token;
    try {
      const who = await whoAmI();
      if (!who) throw new Error("401");
      await db.setSetting("deviceToken", token);
      await remember(who);
      await afterSignIn();
    } catch (error) {
      state.token = null;
      failure.textContent = error instanceof TypeError ? t("needsConnection") : t("loginFailed", { reason: error.message });
    }
  } },
    el("details", {},
      el("summary", { text: t("deviceToken") }),
      el("p", { class: "hint", text: t("deviceTokenHelp") }),
      el("input", { name: "token", autocomplete: "off", autocapitalize: "off", spellcheck: "false", required: true }),
      el("button", { type: "submit", text: t("useToken") })));
  return el("div", { class: "auth" }, form, tokenForm);
}

async function afterSignIn() {
  sync.status.needSignIn = false;
  await loadOperations();
  if (!state.setup.operation && state.operations.length === 1) state.setup.operation = state.operations[0].id;
  await loadDefinition(state.setup.operation);
  render();
  sync.retryNow();
}

// The sign-in forms are made once and kept, so that redrawing the page never wipes what someone is typing.
let firstSignIn = null;
let againSignIn = null;

function renderBanner() {
  const children = [];
  if (state.who && sync.status.needSignIn) children.push((againSignIn ??= signInForm(true)));
  else againSignIn = null;
  if (state.message) children.push(el("p", { class: `message ${state.message.kind}`, role: state.message.kind === "error" ? "alert" : "status", text: state.message.text }));
  banner.replaceChildren(...children);
}

async function choose(part, value) {
  state.setup = { ...state.setup, [part]: value };
  if (part === "operation") {
    state.setup = { operation: value };
    await loadDefinition(value);
  }
  await db.setSetting("setup", state.setup);
  if (state.setup.operation && state.setup.site && state.setup.monitor) state.choosing = false;
  render();
}

function tiles(name, options, selected, onpick) {
  return el("div", { class: "tiles", role: "radiogroup" },
    options.map((option) => el("button", {
      type: "button",
      class: `tile${option.id === selected ? " chosen" : ""}`,
      role: "radio",
      "aria-checked": String(option.id === selected),
      dataset: { [name]: option.id },
      onclick: () => onpick(option.id),
    }, el("span", { text: option.label }), option.hint ? el("small", { text: option.hint }) : null)));
}

function renderSetup() {
  const definition = state.definition;
  const parts = [el("h2", { text: t("setup") })];
  if (!state.operations.length && !definition) {
    parts.push(el("p", { text: t("noOperations") }));
  }
  parts.push(el("h3", { text: t("operation") }),
    tiles("operation", state.operations.map((op) => ({ id: op.id, label: localName(op.name) || op.id })), state.setup.operation, (id) => choose("operation", id)));
  if (definition) {
    parts.push(el("h3", { text: t("site") }),
      tiles("site", definition.sites.map((site) => ({ id: site.id, label: localName(site.name) || site.id, hint: site.id })), state.setup.site, (id) => choose("site", id)),
      el("h3", { text: t("monitor") }),
      tiles("monitor", definition.monitors.map((m) => ({ id: m.id, label: localName(m.name) || m.id, hint: m.id })), state.setup.monitor, (id) => choose("monitor", id)));
  }
  main.replaceChildren(el("div", { class: "setup" }, parts));
}

function mayCorrect() {
  return state.who && (state.who.role === "coordinator" || state.who.role === "admin");
}

function availableTypes() {
  return Object.keys(FIELDS).filter((type) => type !== "count.corrected" || mayCorrect() || state.editing?.observation.type === type);
}

function renderRecord() {
  const definition = state.definition;
  const shift = el("div", { class: "shift" },
    el("span", {}, el("b", { text: localName(definition.name) || definition.id })),
    el("span", { dataset: { shift: "site" }, text: nameOf(definition.sites, state.setup.site) }),
    el("span", { dataset: { shift: "monitor" }, text: nameOf(definition.monitors, state.setup.monitor) }),
    el("button", { type: "button", class: "small", onclick: () => { state.choosing = true; render(); }, text: t("change") }));
  const types = tiles("type", availableTypes().map((type) => ({ id: type, label: t(`type.${type}`) })), state.type, (type) => {
    state.type = type;
    state.problems = [];
    state.message = null;
    if (state.editing && state.editing.observation.type !== type) state.editing = null;
    render();
  });
  main.replaceChildren(shift, el("h2", { text: t("whatHappened") }), types, state.type ? recordForm() : null);
}

/** The value a form field starts with: the draft, or the record being corrected, or a default. */
function initial(name, fallback = "") {
  if (name in state.draft) return state.draft[name];
  const observation = state.editing?.observation;
  if (observation) {
    if (name === "vehicles") return observation.vehicles?.bus ?? "";
    if (name === "at") return observation.at ? localInputValue(observation.at) : "";
    if (name === "site") return observation.site;
    if (observation[name] !== undefined) return String(observation[name]);
  }
  return fallback;
}

function input(name, { required = false, numeric = false, long = false, list = null } = {}) {
  const attributes = { name, id: `f-${name}`, value: initial(name), required, autocomplete: "off", dataset: { field: name } };
  if (numeric) Object.assign(attributes, { inputmode: "numeric", pattern: "[0-9\u0660-\u0669\u06f0-\u06f9]*", class: "number" });
  else Object.assign(attributes, { autocapitalize: "off", spellcheck: "false" });
  if (list) attributes.list = list;
  const control = long ? el("textarea", { name, id: `f-${name}`, required, rows: "3", dataset: { field: name } }) : el("input", attributes);
  if (long) control.value = initial(name);
  return el("label", { class: `field${required ? " required" : ""}`, for: `f-${name}` }, el("span", { text: fieldLabel(name) }), control);
}

function choice(name, options, { required = false, fallback = "" } = {}) {
  const value = initial(name, fallback);
  return el("fieldset", { class: `field choice${required ? " required" : ""}`, dataset: { field: name } },
    el("legend", { text: fieldLabel(name) }),
    el("div", { class: "tiles compact" },
      required ? null : el("label", { class: "tile" }, el("input", { type: "radio", name, value: "", checked: value === "" }), el("span", { text: t("none") })),
      options.map((option) => el("label", { class: "tile" },
        el("input", { type: "radio", name, value: option.id, checked: value === option.id }),
        el("span", { text: option.label })))));
}

function select(name, options, { required = false, fallback = "" } = {}) {
  const value = initial(name, fallback);
  return el("label", { class: `field${required ? " required" : ""}`, for: `f-${name}` },
    el("span", { text: fieldLabel(name) }),
    el("select", { name, id: `f-${name}`, dataset: { field: name } },
      required && value ? null : el("option", { value: "", text: t("none") }),
      options.map((option) => el("option", { value: option.id, selected: option.id === value, text: option.label }))));
}

function movementChoice(kind) {
  const site = state.setup.site;
  const all = movements();
  const here = all.filter((movement) => (kind === "departed" ? movement.from === site : kind === "arrived" ? movement.to === site : true));
  const shown = here.length ? here : all;
  const label = (movement) => `${nameOf(state.definition.sites, movement.from)} → ${nameOf(state.definition.sites, movement.to)}`;
  const options = shown.map((movement) => ({ id: movement.id, label: label(movement) }));
  if (kind === "released") return choice("movement", options);
  return choice("movement", options, { required: true, fallback: shown.length === 1 ? shown[0].id : "" });
}

function recentConvoys() {
  return el("datalist", { id: "convoys" }, (state.recentConvoys || []).map((convoy) => el("option", { value: convoy })));
}

function recordForm() {
  const type = state.type;
  const definition = state.definition;
  const sites = definition.sites.map((site) => ({ id: site.id, label: localName(site.name) || site.id }));
  const parties = (definition.parties || []).map((party) => ({ id: party.id, label: localName(party.name) || party.id }));
  const body = [];
  const convoy = (required) => input("convoy", { required, list: "convoys" });
  switch (type) {
    case "convoy.departed":
      body.push(convoy(true), movementChoice("departed"), input("people", { required: true, numeric: true }), input("vehicles", { numeric: true }));
      break;
    case "convoy.passed":
      body.push(convoy(true), input("people", { numeric: true }), input("vehicles", { numeric: true }));
      break;
    case "convoy.halted":
      body.push(convoy(true), input("reason", { required: true, long: true }));
      break;
    case "convoy.resumed":
      body.push(convoy(true));
      break;
    case "convoy.arrived":
      body.push(convoy(true), movementChoice("arrived"), input("people", { required: true, numeric: true }), input("vehicles", { numeric: true }));
      break;
    case "persons.detained":
      body.push(input("people", { required: true, numeric: true }), convoy(false), select("by", parties));
      break;
    case "persons.released":
      body.push(input("people", { required: true, numeric: true }), select("to", sites, { required: true }), movementChoice("released"), input("refersTo"));
      break;
    case "count.corrected":
      body.push(input("refersTo", { required: true }), input("people", { required: true, numeric: true }), input("reason", { required: true, long: true }));
      break;
    case "incident.reported":
      body.push(
        choice("category", CATEGORIES.map((id) => ({ id, label: t(`category.${id}`) })), { required: true }),
        choice("severity", SEVERITIES.map((id) => ({ id, label: t(`severity.${id}`) })), { required: true }),
        input("people", { numeric: true }),
        input("description", { required: true, long: true }));
      break;
    default:
      break;
  }
  const more = el("details", { class: "more", open: Boolean(state.editing) || state.problems.some((p) => ["at", "site", "note"].includes(p.field)) },
    el("summary", { text: `${t("field.at")} · ${t("field.site")} · ${t("field.note")}` }),
    el("label", { class: "field", for: "f-at" }, el("span", { text: t("field.at") }), el("small", { class: "hint", text: t("atHint") }), el("input", { type: "datetime-local", name: "at", id: "f-at", value: initial("at"), dataset: { field: "at" } })),
    select("site", sites, { required: true, fallback: state.setup.site }),
    input("note", { long: true }));
  const problems = state.problems.length
    ? el("div", { class: "problems", role: "alert" }, el("p", { text: t("checkForm") }),
        el("ul", {}, state.problems.map((p) => el("li", { dataset: { problem: p.field } }, el("b", { text: fieldLabel(p.field) }), " ", p.text ?? t(`msg.${p.key}`, localParams(p.params))))))
    : null;
  const form = el("form", { class: "record", novalidate: true, dataset: { type },
    oninput: () => { state.draft = draftOf(form); },
    onsubmit: async (event) => {
      event.preventDefault();
      await saveFromForm(form);
    } },
    problems, recentConvoys(), body, more,
    el("div", { class: "actions" },
      el("button", { type: "submit", class: "primary save", text: state.editing ? t("saveCorrection") : t("save") }),
      state.editing ? el("button", { type: "button", onclick: () => { state.editing = null; state.draft = {}; state.problems = []; render(); }, text: t("cancel") }) : null));
  for (const p of state.problems) for (const control of form.querySelectorAll(`[data-field="${CSS.escape(p.field.split(".")[0])}"]`)) control.setAttribute("aria-invalid", "true");
  return form;
}

/** A problem's parameters for the reader: a site named in the chosen language, with its id. */
function localParams(params = {}) {
  if (!params.site) return params;
  const name = nameOf(state.definition?.sites, params.site);
  return { ...params, site: name === params.site ? name : `${name} (${params.site})` };
}

function draftOf(form) {
  const draft = {};
  for (const [name, value] of new FormData(form).entries()) draft[name] = String(value);
  return draft;
}

/** The observation a form describes (no validation: that is validate()'s job, on exactly what would be sent). */
function observationFrom(fields) {
  const observation = {
    id: state.editing && state.editing.problem?.status !== "conflict" ? state.editing.id : crypto.randomUUID(),
    type: state.type,
    operation: state.setup.operation,
    at: fields.at ? isoWithOffset(new Date(fields.at)) : isoWithOffset(new Date()),
    monitor: state.editing?.observation.monitor || state.setup.monitor,
    site: fields.site || state.setup.site,
  };
  const text = (name) => (fields[name] ?? "").trim();
  const slug = (name) => text(name).toLowerCase().replace(/\s+/g, "-");
  const count = (name) => {
    const digitsOnly = westernDigits(text(name)).replace(/[\s,٬]/g, "");
    return /^\d+$/.test(digitsOnly) ? Number(digitsOnly) : digitsOnly === "" ? undefined : digitsOnly;
  };
  const setIf = (name, value) => {
    if (value !== undefined && value !== "") observation[name] = value;
  };
  for (const name of [...FIELDS[state.type].required, ...FIELDS[state.type].optional]) {
    if (name === "vehicles") {
      const buses = count("vehicles");
      if (buses !== undefined) observation.vehicles = { bus: buses };
    } else if (name === "people") setIf(name, count(name));
    else if (["convoy", "movement", "by", "to"].includes(name)) setIf(name, slug(name));
    else setIf(name, text(name));
  }
  setIf("note", text("note"));
  return observation;
}

function keyFor(monitorId) {
  return (state.definition?.monitors || []).find((m) => m.id === monitorId)?.publicKey || null;
}

/** Checks, signs when the operation holds this device's key for the monitor, and queues. The record's id, or problems. */
async function save(observation) {
  const problems = validate(observation, state.definition);
  if (problems.length) return { problems };
  let signed = observation;
  if (state.key && keyFor(observation.monitor) === state.key.publicBase64) signed = await sign(observation);
  const record = { id: signed.id, observation: signed, state: "pending", savedAt: Date.now(), problem: null };
  await db.putRecords([record]);
  if (state.editing && state.editing.id !== record.id) await db.deleteRecord(state.editing.id);
  return { id: record.id, signed: Boolean(signed.signature), problems: [] };
}

async function saveFromForm(form) {
  const result = await save(observationFrom(draftOf(form)));
  state.problems = result.problems;
  if (!result.problems.length) {
    state.message = { kind: "ok", text: result.signed ? t("savedSigned") : t("saved") };
    const keep = { movement: state.draft.movement, site: state.draft.site };
    state.draft = state.editing ? {} : Object.fromEntries(Object.entries(keep).filter(([, v]) => v));
    state.editing = null;
  } else {
    state.message = null;
  }
  render();
  if (!result.problems.length) {
    await refreshQueue();
    sync.run();
    main.querySelector("form.record input:not([type=radio]), form.record textarea")?.focus();
  }
  return result;
}

function renderRefused() {
  state.refusedShown = state.refused.map((record) => `${record.id}@${record.refusedAt}`).join();
  if (!state.refused.length) {
    refusedSection.replaceChildren();
    return;
  }
  refusedSection.replaceChildren(el("h2", { text: t("refusedTitle") }),
    el("ul", {}, state.refused.map((record) => {
      const o = record.observation;
      const errors = record.problem?.errors || [];
      const armed = state.discardArmed === record.id;
      return el("li", { class: "refused-item", dataset: { id: record.id } },
        el("p", { class: "what" }, el("b", { text: t(`type.${o.type}`) }), " ",
          [o.convoy, o.people !== undefined ? number(o.people) : null, nameOf(state.definition?.sites, o.site), dateTime(o.at, { dateStyle: "short", timeStyle: "short", timeZone: state.definition?.timezone || undefined })].filter(Boolean).join(" · ")),
        record.problem?.status === "conflict" ? el("p", { class: "reason", text: t("problemConflict") }) : null,
        el("ul", { class: "reasons" },
          errors.length
            ? errors.map((error) => el("li", { class: "reason", dataset: { field: error.field } }, el("b", { text: fieldLabel(error.field) }), " ", error.message))
            : el("li", { class: "reason", text: record.problem?.detail || record.problem?.status || "" })),
        el("div", { class: "actions" },
          el("button", { type: "button", class: "correct", onclick: () => startCorrection(record), text: t("correct") }),
          el("button", { type: "button", class: `discard${armed ? " armed" : ""}`, onclick: () => discard(record), text: armed ? t("discardConfirm") : t("discard") })));
    })));
}

function startCorrection(record) {
  state.editing = record;
  state.type = record.observation.type;
  state.draft = {};
  state.problems = (record.problem?.errors || []).map((error) => ({ field: error.field, text: error.message }));
  state.message = null;
  state.choosing = false;
  render();
  main.scrollIntoView();
}

async function discard(record) {
  if (state.discardArmed !== record.id) {
    state.discardArmed = record.id;
    renderRefused();
    setTimeout(() => {
      if (state.discardArmed === record.id) {
        state.discardArmed = null;
        renderRefused();
      }
    }, 4000);
    return;
  }
  state.discardArmed = null;
  await db.deleteRecord(record.id);
  await refreshQueue();
}

function renderKey() {
  const monitor = state.setup.monitor;
  let status = null;
  if (state.keyError) status = t("keyUnsupported");
  else if (state.key && monitor && state.definition) {
    const held = keyFor(monitor);
    const name = nameOf(state.definition.monitors, monitor);
    status = !held ? t("keyNone", { monitor: name }) : held === state.key.publicBase64 ? t("keySigning", { monitor: name }) : t("keyOther", { monitor: name });
  }
  keySection.replaceChildren(el("details", {},
    el("summary", { text: t("key") }),
    el("p", { class: "hint", text: t("keyHelp") }),
    state.key ? el("code", { class: "public-key", dir: "ltr", text: state.key.publicBase64 }) : null,
    state.key ? el("button", { type: "button", class: "small", onclick: () => navigator.clipboard?.writeText(state.key.publicBase64).catch(() => {}), text: t("copy") }) : null),
    status ? el("p", { class: "key-status", dataset: { signing: String(status === t("keySigning", { monitor: nameOf(state.definition?.monitors, monitor) })) }, text: status }) : null);
}

function render() {
  renderHeader();
  renderBanner();
  if (!state.who) {
    if (!firstSignIn || !main.contains(firstSignIn)) main.replaceChildren((firstSignIn = signInForm(false)));
  } else if (state.choosing || !state.definition || !state.setup.site || !state.setup.monitor) {
    renderSetup();
  } else {
    renderRecord();
  }
  renderRefused();
  renderKey();
}

let refreshing = null;
async function refreshQueue() {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    state.counts = await db.counts();
    state.refused = await db.recordsIn("refused");
    if (sync.status.lastSuccess && Date.now() - state.definitionReadAt > 60000 && state.setup.operation) {
      state.definitionReadAt = Date.now();
      loadDefinition(state.setup.operation).then(() => renderKey());
    }
    renderHeader();
    renderBanner();
    const shown = state.refused.map((record) => `${record.id}@${record.refusedAt}`).join();
    if (shown !== state.refusedShown) renderRefused();
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function recentConvoysFromQueue() {
  const recent = [...(await db.recordsIn("pending")), ...(await db.recordsIn("sent"))].slice(-200);
  state.recentConvoys = [...new Set(recent.map((record) => record.observation.convoy).filter(Boolean))].slice(-30);
}

async function boot() {
  state.token = (await db.setting("deviceToken")) || null;
  state.setup = (await db.setting("setup")) || {};
  state.who = (await db.setting("who")) || null;
  try {
    state.key = await deviceKey();
  } catch (error) {
    state.keyError = error;
  }
  try {
    const who = await whoAmI();
    if (who) await remember(who);
    else if (state.who) sync.status.needSignIn = true;
  } catch {
    // No connection: work from what this device kept.
  }
  if (state.who) {
    await loadOperations();
    if (!state.setup.operation && state.operations.length === 1) state.setup.operation = state.operations[0].id;
    await loadDefinition(state.setup.operation);
  }
  await recentConvoysFromQueue();
  await refreshQueue();
  render();
  sync.run();
}

apply();
addEventListener("online", () => renderHeader());
addEventListener("offline", () => renderHeader());

// A small handle for the browser tests and for support: save an observation through the same checks, signing and
// queue as the form, read the counts, and send now. It reads nothing the page could not show.
globalThis.corridorField = {
  async record(fields) {
    const observation = {
      id: crypto.randomUUID(),
      operation: state.setup.operation,
      at: isoWithOffset(new Date()),
      monitor: state.setup.monitor,
      site: state.setup.site,
      ...fields,
    };
    const result = await save(observation);
    await refreshQueue();
    return { id: observation.id, ...result };
  },
  async records(stateName) {
    return (await db.recordsIn(stateName)).map((record) => record.observation);
  },
  counts: () => db.counts(),
  status: () => ({ ...sync.status, lastError: sync.status.lastError ? String(sync.status.lastError.message || sync.status.lastError) : null }),
  sync: () => sync.retryNow(),
  publicKey: () => state.key?.publicBase64 || null,
  canonical: (value) => canonicalize(value),
  reloadDefinition: async () => {
    await loadDefinition(state.setup.operation);
    render();
  },
};

boot().then(() => {
  onChange(() => render());
  document.documentElement.dataset.ready = "true";
});
