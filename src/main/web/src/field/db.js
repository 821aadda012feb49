// The field app's own storage: IndexedDB, so that a record is kept the moment it is saved and survives reloads,
// browser restarts and a phone's battery running out. Two stores: "records" (one per observation, keyed by its
// UUID, with its state: pending, sent or refused) and "settings" (the choices of the shift, the cached operation
// definitions, the device token and the signing key, which IndexedDB can hold as a non-extractable CryptoKey).

const NAME = "corridor-field";
const VERSION = 1;
let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        const records = db.createObjectStore("records", { keyPath: "id" });
        records.createIndex("state", "state");
        db.createObjectStore("settings");
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opening;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error || new Error("transaction aborted"));
  });
}

export async function setting(key) {
  const db = await open();
  return done(db.transaction("settings").objectStore("settings").get(key));
}

export async function setSetting(key, value) {
  const db = await open();
  const transaction = db.transaction("settings", "readwrite");
  transaction.objectStore("settings").put(value, key);
  return committed(transaction);
}

export async function deleteSetting(key) {
  const db = await open();
  const transaction = db.transaction("settings", "readwrite");
  transaction.objectStore("settings").delete(key);
  return committed(transaction);
}

/** Stores records (whole objects, replacing any with the same id) in one transaction: all or none. */
export async function putRecords(records) {
  const db = await open();
  const transaction = db.transaction("records", "readwrite");
  const store = transaction.objectStore("records");
  for (const record of records) store.put(record);
  return committed(transaction);
}

export async function record(id) {
  const db = await open();
  return done(db.transaction("records").objectStore("records").get(id));
}

export async function deleteRecord(id) {
  const db = await open();
  const transaction = db.transaction("records", "readwrite");
  transaction.objectStore("records").delete(id);
  return committed(transaction);
}

/** The records in a state, oldest saved first. */
export async function recordsIn(state) {
  const db = await open();
  const all = await done(db.transaction("records").objectStore("records").index("state").getAll(state));
  return all.sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
}

/** How many records are in each state: {pending, sent, refused}. */
export async function counts() {
  const db = await open();
  const index = db.transaction("records").objectStore("records").index("state");
  const [pending, sent, refused] = await Promise.all(["pending", "sent", "refused"].map((s) => done(index.count(s))));
  return { pending, sent, refused };
}
