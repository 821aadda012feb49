package org.corridor.ledger.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows for one table, gathered while an append decides its entries and inserted in one go at its end by the
 * {@link Dialect} (a JDBC batch on SQLite, one statement over arrays on PostgreSQL). A table the append writes is one
 * of these: declare its columns, {@link #add} a row per value set, and have the dialect {@link Dialect#insert} it.
 */
final class TableRows {
    /** The column types the ledger's tables use, with PostgreSQL's name for each (for its array parameters). */
    enum Type {
        TEXT("text"),
        BIGINT("bigint"),
        BYTES("bytea");

        private final String postgres;

        Type(String postgres) {
            this.postgres = postgres;
        }

        String postgres() {
            return postgres;
        }
    }

    /** A column and the Java type its values have: {@code String}, {@code Long} or {@code byte[]}. */
    record Column(String name, Type type) {}

    private final String table;
    private final List<Column> columns;
    private final String conflict;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * @param conflict what to do about a row whose key is stored already, as SQL ("ON CONFLICT DO NOTHING"), or ""
     *     to fail the insert
     */
    TableRows(String table, String conflict, Column... columns) {
        this.table = table;
        this.columns = List.of(columns);
        this.conflict = conflict;
    }

    /** Adds a row: one value per column, in the columns' order, none null. */
    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " has " + columns.size() + " columns, not " + values.length
                    + ": " + Arrays.toString(values));
        }
        rows.add(values);
    }

    String table() {
        return table;
    }

    List<Column> columns() {
        return columns;
    }

    List<Object[]> rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** {@code INSERT INTO table (a, b, ...)}. */
    String insertInto() {
        return "INSERT INTO " + table + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")";
    }

    /** What follows the rows in the INSERT: the conflict clause, or nothing. */
    String conflict() {
        return conflict.isEmpty() ? "" : " " + conflict;
    }
}
