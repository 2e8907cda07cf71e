package org.casetracker.app.stores;

import org.casetracker.app.TrackerApplication;
import org.casetracker.app.audit.AppendLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is Flyway's, on whichever store the tests run (H2, or PostgreSQL in the second run): the migrations
 * ran, Hibernate validated its mapping against them (the application started with ddl-auto: validate), and the
 * payloads are stored in the row: bytea on PostgreSQL, never oid large objects; binary varying on H2, never in its
 * separate LOB storage (V4, ADR 0027).
 */
class StoreSchemaTest {

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--tracker.seed.enabled=true"));
        arguments.addAll(TestStores.arguments(TestStores.fresh("schema")));
        app = new SpringApplicationBuilder(TrackerApplication.class).run(arguments.toArray(String[]::new));
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void flywayMadeTheSchemaAndHibernateOnlyValidatesIt() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null "
                        + "order by \"installed_rank\"");
        assertThat(history).isNotEmpty();
        assertThat(history.get(0).get("version")).isEqualTo("1");
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        assertThat(app.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    }

    @Test
    void payloadsMetadataTokensAndCaseFilesAreValuesInTheirRows() {
        Map<String, String> expected = TestStores.onPostgres()
                ? Map.of("payload", "bytea", "meta_data", "bytea", "token", "bytea")
                : Map.of("payload", "binary varying", "meta_data", "binary varying", "token", "binary varying");
        assertThat(typeOf("domain_event_entry", "payload")).isEqualTo(expected.get("payload"));
        assertThat(typeOf("domain_event_entry", "meta_data")).isEqualTo(expected.get("meta_data"));
        assertThat(typeOf("token_entry", "token")).isEqualTo(expected.get("token"));
        // V3: the case file is no longer stored whole, only what the case list shows (ADR 0022)
        assertThat(typeOf("case_file", "document")).isNull();
        assertThat(typeOf("case_file", "last_legal_date")).isEqualTo("date");
        if (TestStores.onPostgres()) {
            assertThat(jdbc.queryForObject("select count(*) from information_schema.columns "
                    + "where table_schema = current_schema() and data_type = 'oid'", Long.class))
                    .as("no column holds large-object references").isZero();
            assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
                    .as("loading the record made no large objects").isZero();
        }
    }

    @Test
    void theRecordIsStoredAndReadBackThroughTheMigratedSchema() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(events).isGreaterThan(40);
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry order by global_index "
                + "fetch first 1 rows only", byte[].class);
        assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{").contains("caseId");
        assertThat(jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(3L);
    }

    /**
     * Appends are ordered by the lock row wherever another process may append (PostgreSQL), by a semaphore of this
     * process on embedded H2, where no other process can (ADR 0024).
     */
    @Test
    void theAppendLockIsTheRowWhereverAnotherProcessMayAppend() {
        assertThat(AppendLock.onlyThisProcessAppends(app.getBean(DataSource.class))).isEqualTo(!TestStores.onPostgres());
    }

    /** The column's type; null when the table has no such column. */
    private static String typeOf(String table, String column) {
        return jdbc.queryForList("select lower(data_type) from information_schema.columns "
                + "where lower(table_name) = ? and lower(column_name) = ?", String.class, table, column)
                .stream().findFirst().orElse(null);
    }
}
