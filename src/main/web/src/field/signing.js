// The monitor's Ed25519 key on this device (CONTRACT §6). It is made here by WebCrypto with a private half that
// cannot be exported, kept as a CryptoKey in IndexedDB: the page can ask it to sign but no script can read it out.
// The coordinator puts the public half (base64 of its raw 32 bytes) in the operation's monitor entry; from then on
// this device signs that monitor's observations over their RFC 8785 canonical form without the signature field.
import canonicalize from "canonicalize";
import { setting, setSetting } from "./db.js";

const KEY = "signingKey";
let cached = null;

function base64(bytes) {
  let text = "";
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text);
}

/** True when this browser's WebCrypto can make Ed25519 keys. */
export function supported() {
  return Boolean(globalThis.crypto?.subtle);
}

/** This device's key: {privateKey, publicKey, publicBase64}, made and stored on first use. */
export async function deviceKey() {
  if (cached) return cached;
  let key = await setting(KEY);
  if (!key) {
    const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
    key = { privateKey: pair.privateKey, publicKey: pair.publicKey, publicBase64: base64(raw), created: new Date().toISOString() };
    await setSetting(KEY, key);
  }
  cached = key;
  return key;
}

/** The UTF-8 bytes a monitor signs: the canonical form of the observation without its signature. */
export function message(observation) {
  const { signature: _ignored, ...unsigned } = observation;
  return new TextEncoder().encode(canonicalize(unsigned));
}

/** A copy of observation carrying this device's signature. */
export async function sign(observation) {
  const key = await deviceKey();
  const signature = await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, message(observation));
  return { ...observation, signature: base64(signature) };
}

export { canonicalize };
