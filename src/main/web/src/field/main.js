// The field app (served at /field/). First cut: the shell, registered as an installable, offline-cached app.
import "./field.css";
import { me } from "../shared/api.js";
import { addStrings, apply } from "../shared/i18n.js";

addStrings({ en: { title: "Corridor field" }, ar: { title: "كوريدور الميداني" } });

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/field/sw.js", { scope: "/field/" });
}

const app = document.getElementById("app");
const heading = document.createElement("h1");
heading.dataset.t = "title";
app.replaceChildren(heading);
apply();
me().catch(() => null);
