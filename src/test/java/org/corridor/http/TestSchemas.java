package org.corridor.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** PostgreSQL schemas for HTTP tests, one per store, made on first use and dropped when the test JVM exits. */
final class TestSchemas {
    private static final Set<String> MADE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TestSchemas::drop)));
    }

    private TestSchemas() {}

    /**
     * The URL of a new schema for one test, named {@code prefix} and a random suffix. Without a test database the
     * test is skipped, saying why; on CI (CI=true) it fails, since there it must run.
     */
    static String fresh(String prefix) {
        String base = System.getenv("CORRIDOR_TEST_PG_URL");
        boolean missing = base == null || base.isBlank();
        if (missing && "true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(
                    "CORRIDOR_TEST_PG_URL is not set; on CI (CI=true) the PostgreSQL tests must run");
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(
                missing,
                "CORRIDOR_TEST_PG_URL is not set: this PostgreSQL test is skipped (.ci/run starts a database)");
        return urlFor(prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", ""));
    }

    /** The URL of the schema {@code name} in the test database, made if it is not there yet. */
    static String urlFor(String name) {
        String base = base();
        if (MADE.add(name)) {
            execute(base, "CREATE SCHEMA IF NOT EXISTS " + name);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    private static String base() {
        String base = System.getenv("CORRIDOR_TEST_PG_URL");
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("the HTTP suite on PostgreSQL (corridor.test.store=postgresql) needs"
                    + " CORRIDOR_TEST_PG_URL; .ci/run starts a database and sets it");
        }
        return base;
    }

    private static void drop(String name) {
        try {
            execute(base(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (RuntimeException e) {
            // the database is gone already: the schema goes with it
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test database: " + e.getMessage(), e);
        }
    }
}
