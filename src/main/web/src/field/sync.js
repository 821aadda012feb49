// Sends the queue when there is a connection, and keeps trying when there is not. The queue is the set of records
// in state "pending", oldest first; they go in batches of at most 1,000 (the API's limit), each item judged on its own:
// created or duplicate both mean the server holds it (a duplicate is a record whose earlier answer was lost with the
// connection), so it is marked sent; invalid or conflict mark it refused with the server's reason, kept for
// correction. Items of a batch whose answer never came stay pending and go again: the server knows them by their UUID,
// so nothing is counted twice. Retries back off from 2 s to 30 s; the browser's online event and every save try at once.
import { ApiError } from "../shared/api.js";
import { putRecords, recordsIn } from "./db.js";

export const BATCH = 1000;
const FIRST_DELAY_MS = 2000;
const MAX_DELAY_MS = 30000;

export function createSync({ post, ensureSession, onChange }) {
  const status = { running: false, inFlight: 0, failures: 0, lastError: null, needSignIn: false, lastSuccess: null, nextTry: null };
  let again = false;
  let timer = null;

  function schedule(delay) {
    clearTimeout(timer);
    status.nextTry = Date.now() + delay;
    timer = setTimeout(() => run(), delay);
  }

  function backoff() {
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, status.failures - 1));
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  async function sendOne(pending) {
    const operation = pending[0].observation.operation;
    const batch = pending.filter((record) => record.observation.operation === operation).slice(0, BATCH);
    status.inFlight = batch.length;
    onChange();
    let answer;
    try {
      answer = await post(operation, batch.map((record) => record.observation));
    } finally {
      status.inFlight = 0;
    }
    const byId = new Map((answer.results || []).map((result) => [result.id, result]));
    const now = new Date().toISOString();
    const changed = [];
    for (const record of batch) {
      const result = byId.get(record.id);
      if (!result) continue;
      if (result.status === "created" || result.status === "duplicate") {
        changed.push({ ...record, state: "sent", sentAt: now, seq: result.seq ?? null, problem: null });
      } else {
        const problem = result.problem || {};
        changed.push({
          ...record,
          state: "refused",
          refusedAt: now,
          problem: { status: result.status, detail: problem.detail || null, errors: Array.isArray(problem.errors) ? problem.errors : [] },
        });
      }
    }
    await putRecords(changed);
    return changed.length;
  }

  async function run() {
    if (status.running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    status.running = true;
    status.nextTry = null;
    onChange();
    try {
      do {
        again = false;
        let pending = await recordsIn("pending");
        if (pending.length) await ensureSession();
        while (pending.length) {
          const settled = await sendOne(pending);
          status.failures = 0;
          status.lastError = null;
          status.needSignIn = false;
          status.lastSuccess = new Date().toISOString();
          onChange();
          pending = await recordsIn("pending");
          if (settled === 0 && pending.length) throw new Error("the server answered without these records");
        }
      } while (again);
      status.failures = 0;
    } catch (error) {
      status.failures += 1;
      status.lastError = error;
      if (error instanceof ApiError && error.status === 401) status.needSignIn = true;
      schedule(backoff());
    } finally {
      status.running = false;
      onChange();
    }
  }

  addEventListener("online", () => {
    status.failures = 0;
    run();
  });

  return {
    status,
    run,
    /** Forget the failures (after signing in again) and try now. */
    retryNow() {
      status.failures = 0;
      status.needSignIn = false;
      return run();
    },
  };
}
