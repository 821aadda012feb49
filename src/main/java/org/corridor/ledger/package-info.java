/** The ledger: the append-only store behind an interface, so that SQLite and PostgreSQL can both hold it. */
package org.corridor.ledger;
