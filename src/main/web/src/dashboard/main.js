// The coordination dashboard (served at /). First cut: sign in, pick an operation, see the headline figures.
import "./dashboard.css";
import { api, ApiError, login, me } from "../shared/api.js";
import { addStrings, apply, number, t } from "../shared/i18n.js";

addStrings({
  en: {
    title: "Corridor",
    signIn: "Sign in",
    account: "Account",
    password: "Password",
    operation: "Operation",
    evacuated: "Evacuated",
    sinceMidnight: "Since midnight",
    inTransit: "In transit",
    detained: "Detained",
    unaccounted: "Unaccounted",
  },
  ar: {
    title: "كوريدور",
    signIn: "تسجيل الدخول",
    account: "الحساب",
    password: "كلمة المرور",
    operation: "العملية",
    evacuated: "تم إجلاؤهم",
    sinceMidnight: "منذ منتصف الليل",
    inTransit: "في الطريق",
    detained: "محتجزون",
    unaccounted: "غير معروف مصيرهم",
  },
});

const app = document.getElementById("app");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function showSignIn(message) {
  const form = element(
    "form",
    { class: "sign-in" },
    element("h1", { "data-t": "title" }),
    element("label", {}, element("span", { "data-t": "account" }), element("input", { name: "id", autocomplete: "username", required: "" })),
    element(
      "label",
      {},
      element("span", { "data-t": "password" }),
      element("input", { name: "password", type: "password", autocomplete: "current-password", required: "" }),
    ),
    element("p", { class: "error", role: "alert" }, message || ""),
    element("button", { type: "submit", "data-t": "signIn" }),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await login(form.elements.id.value, form.elements.password.value);
      start();
    } catch (error) {
      form.querySelector(".error").textContent = error.message;
    }
  });
  app.replaceChildren(form);
  apply();
}

async function showOperation(operations) {
  const picker = element("select", { id: "operation", "data-t-label": "operation" });
  for (const operation of operations) picker.append(element("option", { value: operation.id }, operation.name || operation.id));
  const figures = element("dl", { class: "headline" });
  app.replaceChildren(element("header", {}, element("h1", { "data-t": "title" }), picker), figures);
  async function render() {
    const tallies = await api(`/api/operations/${encodeURIComponent(picker.value)}/tallies`);
    figures.replaceChildren();
    for (const key of ["evacuated", "sinceMidnight", "inTransit", "detained", "unaccounted"]) {
      figures.append(element("div", { class: "figure" }, element("dt", { "data-t": key }), element("dd", { "data-figure": key }, number(tallies[key]))));
    }
    apply();
  }
  picker.addEventListener("change", render);
  await render();
}

async function start() {
  try {
    const who = await me();
    if (!who) return showSignIn();
    await showOperation(await api("/api/operations"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    app.replaceChildren(element("p", { class: "error", role: "alert" }, error.message));
  }
}

apply();
start();
