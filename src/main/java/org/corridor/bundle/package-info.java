/**
 * The export bundle of CONTRACT §6: one operation's definition, its observations exactly as logged, the latest
 * signed checkpoint and the server's verifier key in one zip, and the checker that anyone can run on it offline.
 */
package org.corridor.bundle;
