// The server's rules for an observation (observation.ObservationReader and core.Fields), checked on the device
// before it is queued, so that a monitor hears about a mistake while still at the checkpoint rather than hours later
// when the queue syncs. The server stays the judge: whatever it refuses is shown with its own reason.
// Each problem is {field, key, params}: key names a message in strings.js, in both languages.

export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const TYPES = [
  "convoy.departed",
  "convoy.passed",
  "convoy.halted",
  "convoy.resumed",
  "convoy.arrived",
  "persons.detained",
  "persons.released",
  "count.corrected",
  "incident.reported",
];
export const CATEGORIES = ["detention", "violence", "obstruction", "medical", "death", "other"];
export const SEVERITIES = ["low", "medium", "high", "critical"];

/** Each type's own fields: required ones, then optional ones (the common header is checked for every type). */
export const FIELDS = {
  "convoy.departed": { required: ["convoy", "movement", "people"], optional: ["vehicles"] },
  "convoy.passed": { required: ["convoy"], optional: ["people", "vehicles"] },
  "convoy.halted": { required: ["convoy", "reason"], optional: [] },
  "convoy.resumed": { required: ["convoy"], optional: [] },
  "convoy.arrived": { required: ["convoy", "movement", "people"], optional: ["vehicles"] },
  "persons.detained": { required: ["people"], optional: ["convoy", "by"] },
  "persons.released": { required: ["people", "to"], optional: ["movement", "refersTo"] },
  "count.corrected": { required: ["refersTo", "people", "reason"], optional: [] },
  "incident.reported": { required: ["category", "severity", "description"], optional: ["people"] },
};

const SLUG_FIELDS = new Set(["convoy", "movement", "by", "to", "monitor", "site"]);
const COUNT_FIELDS = new Set(["people"]);
const UUID_FIELDS = new Set(["refersTo", "id"]);

function present(value) {
  return value !== undefined && value !== null;
}

function blank(value) {
  return typeof value === "string" && value.trim() === "";
}

function isCount(value) {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Problems of observation against definition (the operation as the device last read it), at device time now. */
export function validate(observation, definition, now = Date.now()) {
  const problems = [];
  const add = (field, key, params = {}) => problems.push({ field, key, params });
  const type = observation.type;
  const own = FIELDS[type];
  if (!present(type)) add("type", "required");
  else if (!own) add("type", "unknownType");

  for (const field of ["id", "type", "operation", "at", "monitor", "site"]) {
    if (!present(observation[field])) add(field, "required");
    else if (typeof observation[field] !== "string") add(field, "string");
    else if (blank(observation[field])) add(field, "empty");
  }
  if (own) {
    for (const field of own.required) {
      if (!present(observation[field]) && !problems.some((p) => p.field === field)) add(field, "required");
    }
    const allowed = new Set(["id", "type", "operation", "at", "monitor", "site", "note", "signature", ...own.required, ...own.optional]);
    for (const field of Object.keys(observation)) if (!allowed.has(field)) add(field, "unknownField");
  }
  for (const [field, value] of Object.entries(observation)) {
    if (!present(value)) continue;
    if (SLUG_FIELDS.has(field) && typeof value === "string" && !blank(value) && !SLUG.test(value)) add(field, "slug");
    if (UUID_FIELDS.has(field) && typeof value === "string" && !UUID.test(value)) add(field, "uuid");
    if (COUNT_FIELDS.has(field) && !isCount(value)) add(field, "count");
    if (["reason", "description"].includes(field) && (typeof value !== "string" || blank(value))) add(field, "empty");
  }
  if (present(observation.note) && typeof observation.note !== "string") add("note", "string");
  if (present(observation.at) && typeof observation.at === "string") {
    if (!TIME.test(observation.at) || Number.isNaN(Date.parse(observation.at))) add("at", "time");
    else if (Date.parse(observation.at) > now + FUTURE_TOLERANCE_MS) add("at", "future");
  }
  if (present(observation.vehicles)) {
    const vehicles = observation.vehicles;
    if (typeof vehicles !== "object" || Array.isArray(vehicles)) add("vehicles", "vehicles");
    else
      for (const [kind, count] of Object.entries(vehicles)) {
        if (!SLUG.test(kind)) add(`vehicles.${kind}`, "vehicleKind");
        else if (!isCount(count)) add(`vehicles.${kind}`, "count");
      }
  }
  if (type === "incident.reported") {
    if (present(observation.category) && !CATEGORIES.includes(observation.category)) add("category", "oneOf", { values: CATEGORIES.join(", ") });
    if (present(observation.severity) && !SEVERITIES.includes(observation.severity)) add("severity", "oneOf", { values: SEVERITIES.join(", ") });
  }
  if (type === "count.corrected" && present(observation.refersTo) && observation.refersTo === observation.id) {
    add("refersTo", "selfReference");
  }
  if (definition) references(observation, definition, add, problems);
  return problems;
}

/** The references the server checks against the operation: ids it defines, and the rule on a departure's site. */
function references(observation, definition, add, problems) {
  const ids = (list) => new Set((list || []).map((item) => item.id));
  const sites = ids(definition.sites);
  const monitors = ids(definition.monitors);
  const parties = ids(definition.parties);
  const movements = new Map();
  for (const agreement of definition.agreements || []) for (const movement of agreement.movements || []) movements.set(movement.id, movement);
  const clean = (field) => !problems.some((p) => p.field === field) && typeof observation[field] === "string";

  if (clean("operation") && observation.operation !== definition.id) add("operation", "operation", { id: definition.id });
  if (clean("monitor") && !monitors.has(observation.monitor)) add("monitor", "unknownMonitor", { id: observation.monitor });
  if (clean("site") && !sites.has(observation.site)) add("site", "unknownSite", { id: observation.site });
  if (clean("to") && !sites.has(observation.to)) add("to", "unknownSite", { id: observation.to });
  if (clean("by") && !parties.has(observation.by)) add("by", "unknownParty", { id: observation.by });
  if (clean("movement")) {
    const movement = movements.get(observation.movement);
    if (!movement) add("movement", "unknownMovement", { id: observation.movement });
    else if (clean("site") && observation.type === "convoy.departed" && movement.from !== observation.site) {
      add("site", "departureSite", { site: movement.from });
    } else if (clean("site") && observation.type === "convoy.arrived" && movement.to !== observation.site) {
      add("site", "arrivalSite", { site: movement.to });
    }
  }
}
