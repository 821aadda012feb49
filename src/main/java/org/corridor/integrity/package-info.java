/**
 * Records beyond dispute: the canonical bytes that are signed and logged, and the Merkle log math (RFC 6962 hashing,
 * inclusion and consistency proofs). Everything here is pure; where the hashes are stored is the ledger's business.
 */
package org.corridor.integrity;
