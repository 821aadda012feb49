/**
 * The ledger on a relational database through JDBC: SQLite and PostgreSQL. What differs between the two lives
 * in a {@link org.corridor.ledger.jdbc.Dialect}; the schema lives in Flyway migrations under
 * {@code db/migration/<database>/}, and the database itself refuses to change or delete a stored observation.
 */
package org.corridor.ledger.jdbc;
