// The one way the pages talk to the server: same-origin fetch with the session cookie, the CSRF token on writes,
// and errors turned into ApiError carrying the server's problem+json (its title, detail and field errors).

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** The field errors of a problem+json, as [{field, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export async function api(path, { method = "GET", body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin", signal };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  if (method !== "GET" && method !== "HEAD" && csrfToken) {
    init.headers["X-CSRF-Token"] = csrfToken;
  }
  const response = await fetch(path, init);
  const type = response.headers.get("Content-Type") || "";
  const payload = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === "object" ? payload : { detail: payload });
  }
  return payload;
}

/** Who is signed in ({id, role, operations?, party?, csrfToken}), or null when no one is. */
export async function me() {
  try {
    const who = await api("/api/me");
    csrfToken = who.csrfToken || csrfToken;
    return who;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(id, password) {
  const who = await api("/api/login", { method: "POST", body: { id, password } });
  csrfToken = who.csrfToken || null;
  return who;
}

export async function logout() {
  try {
    await api("/api/logout", { method: "POST" });
  } finally {
    csrfToken = null;
  }
}
