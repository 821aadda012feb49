// Language and digits, chosen by the person and remembered on this device. Arabic is a first language of the
// pages: choosing it sets lang="ar" and dir="rtl" on the document, and every string has both forms.
// Digits: Arabic-Indic (٠١٢٣٤٥٦٧٨٩) or Western, a separate choice, because many Arabic readers prefer either.

const LANGUAGE_KEY = "corridor.language";
const DIGITS_KEY = "corridor.digits";
const listeners = new Set();
let dictionaries = { en: {}, ar: {} };

export function language() {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (stored === "ar" || stored === "en") return stored;
  return (navigator.language || "en").toLowerCase().startsWith("ar") ? "ar" : "en";
}

/** "arab" (Arabic-Indic) or "latn" (Western); Arabic-Indic by default in Arabic. */
export function digits() {
  const stored = localStorage.getItem(DIGITS_KEY);
  if (stored === "arab" || stored === "latn") return stored;
  return language() === "ar" ? "arab" : "latn";
}

export function setLanguage(lang) {
  localStorage.setItem(LANGUAGE_KEY, lang);
  apply();
}

export function setDigits(system) {
  localStorage.setItem(DIGITS_KEY, system);
  apply();
}

/** Adds strings: {en: {key: text}, ar: {key: text}}. Each page registers its own. */
export function addStrings(more) {
  dictionaries = { en: { ...dictionaries.en, ...more.en }, ar: { ...dictionaries.ar, ...more.ar } };
}

/** The string for key in the chosen language ({name} placeholders filled from params), English as fallback. */
export function t(key, params = {}) {
  const text = dictionaries[language()][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

function locale() {
  return `${language() === "ar" ? "ar" : "en"}-u-nu-${digits()}`;
}

// Formatters are costly to make (a board of a thousand convoys needs thousands of numbers and times): one per
// locale and options, kept.
const formatters = new Map();
function formatter(Kind, options) {
  const key = `${Kind.name}|${locale()}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Kind(locale(), options)));
  return made;
}

/** A number in the chosen language and digits; "—" when there is none. */
export function number(value, options = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return formatter(Intl.NumberFormat, options).format(value);
}

export function percent(fraction) {
  return number(fraction, { style: "percent", maximumFractionDigits: 1 });
}

export function dateTime(iso, options = { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) {
  if (!iso) return "—";
  return formatter(Intl.DateTimeFormat, options).format(new Date(iso));
}

/** A name in the chosen language: a {en, ar} object or a plain string, falling back to whichever exists. */
export function localName(name) {
  if (name === null || name === undefined) return "";
  if (typeof name === "string") return name;
  return name[language()] || name.en || name.ar || Object.values(name)[0] || "";
}

/** Calls listener() after every change of language or digits. */
export function onChange(listener) {
  listeners.add(listener);
}

/** Sets lang and dir on the document and fills every [data-t] element; then tells the listeners. */
export function apply() {
  const lang = language();
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const element of document.querySelectorAll("[data-t]")) {
    element.textContent = t(element.dataset.t);
  }
  for (const element of document.querySelectorAll("[data-t-placeholder]")) {
    element.placeholder = t(element.dataset.tPlaceholder);
  }
  for (const element of document.querySelectorAll("[data-t-label]")) {
    element.setAttribute("aria-label", t(element.dataset.tLabel));
  }
  for (const listener of listeners) listener();
}
