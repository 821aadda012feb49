/**
 * Who may do what: accounts and their roles, bearer tokens and browser sessions (kept only as hashes), passwords
 * (Argon2id), the authorization rules of CONTRACT §8, abuse limits and the audit trail. It knows nothing of HTTP or
 * SQL: the routes ask it, and its {@link org.corridor.access.AccessStore} is implemented at the storage edge.
 */
package org.corridor.access;
