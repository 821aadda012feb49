// Evacuated over time, cumulative, one line per movement and one for all: hand-made SVG from the server's series
// (GET …/tallies/series, each point the tallies as of its time). Time runs the reading way: left to right in
// English, right to left in Arabic, with the people axis on the reading side's start.
import { dateTime, number, t } from "../shared/i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 800;
const HEIGHT = 300;
const PAD = { top: 16, bottom: 36, side: 64, end: 16 };
export const PALETTE = ["#1d6fa3", "#b35900", "#6b4fa0", "#2c7a3f", "#a4161a", "#5b6870"];

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A round upper bound for the people axis, and its step. */
function niceScale(max) {
  if (max <= 0) return { top: 10, step: 2 };
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * Draws the chart. series: the server's series; movements: [{id, label}]; marker: the time shown (ms) or null;
 * timeZone: the operation's zone; onPick(ms): called when a point of the chart is clicked.
 * Returns the time it took in milliseconds.
 */
export function drawChart(container, { series, movements, marker, timeZone, onPick }) {
  const started = performance.now();
  const rtl = document.documentElement.dir === "rtl";
  const points = series?.points || [];
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": "chart-title chart-desc", class: "chart-svg" });
  root.append(svg("title", { id: "chart-title" }, t("chart")), svg("desc", { id: "chart-desc" }, t("chartHelp")));
  if (points.length === 0) {
    container.replaceChildren(root);
    return performance.now() - started;
  }
  const times = points.map((p) => Date.parse(p.asOf));
  const first = times[0];
  const last = Math.max(times[times.length - 1], first + 1);
  const left = rtl ? PAD.end : PAD.side;
  const right = rtl ? WIDTH - PAD.side : WIDTH - PAD.end;
  const x = (ms) => {
    const fraction = (ms - first) / (last - first);
    return rtl ? right - fraction * (right - left) : left + fraction * (right - left);
  };
  const max = Math.max(...points.map((p) => p.evacuated));
  const { top, step } = niceScale(max);
  const bottom = HEIGHT - PAD.bottom;
  const y = (value) => bottom - (value / top) * (bottom - PAD.top);

  const axes = svg("g", { class: "axes" });
  const axisX = rtl ? right : left;
  for (let value = 0; value <= top + step / 2; value += step) {
    axes.append(
      svg("line", { x1: left, x2: right, y1: y(value), y2: y(value), class: "grid" }),
      svg("text", { x: rtl ? axisX + 8 : axisX - 8, y: y(value), "text-anchor": "end", "dominant-baseline": "central", class: rtl ? "tick tick-rtl" : "tick" }, number(value)),
    );
  }
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const ms = first + ((last - first) * i) / ticks;
    axes.append(
      svg("line", { x1: x(ms), x2: x(ms), y1: bottom, y2: bottom + 5, class: "axis" }),
      svg("text", { x: x(ms), y: bottom + 20, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle", class: "tick" }, dateTime(new Date(ms).toISOString(), { month: "short", day: "numeric", hour: "numeric", timeZone })),
    );
  }
  axes.append(svg("line", { x1: left, x2: right, y1: bottom, y2: bottom, class: "axis" }));
  root.append(axes);

  const line = (values) => `M${values.map((v, i) => `${x(times[i]).toFixed(1)},${y(v).toFixed(1)}`).join("L")}`;
  const lines = svg("g", { class: "lines" });
  lines.append(svg("path", { d: line(points.map((p) => p.evacuated)), class: "line-total", stroke: "#1b2429" }));
  movements.forEach((movement, index) => {
    const values = points.map((p) => p.movements?.[movement.id] ?? 0);
    lines.append(svg("path", { d: line(values), class: "line", stroke: PALETTE[index % PALETTE.length], "data-movement": movement.id }, svg("title", {}, movement.label)));
  });
  root.append(lines);

  if (marker !== null && marker !== undefined) {
    const at = x(Math.min(last, Math.max(first, marker)));
    root.append(svg("line", { x1: at, x2: at, y1: PAD.top, y2: bottom, class: "marker" }));
  }
  if (onPick) {
    const hit = svg("rect", { x: left, y: PAD.top, width: right - left, height: bottom - PAD.top, class: "hit" });
    hit.addEventListener("click", (event) => {
      const box = root.getBoundingClientRect();
      const px = ((event.clientX - box.left) / box.width) * WIDTH;
      const fraction = (px - left) / (right - left);
      onPick(first + (rtl ? 1 - fraction : fraction) * (last - first));
    });
    root.append(hit);
  }
  container.replaceChildren(root);
  return performance.now() - started;
}
