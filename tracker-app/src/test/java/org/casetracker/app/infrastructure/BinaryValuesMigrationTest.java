package org.casetracker.app.infrastructure;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An H2 store made before V4, its payloads, metadata and tokens in blobs, opens with this build: V4 converts the
 * columns to binary varying, every value is kept byte for byte, the not-null constraints stay, and the tracker
 * reads its events as before (ADR 0027).
 */
class BinaryValuesMigrationTest {

    private static final String EVENTS = "select global_index, payload, meta_data from domain_event_entry "
            + "order by global_index";

    @Test
    void blobsOfAStoreMadeBeforeV4BecomeValuesInTheRowAndNothingIsLost() {
        Path dataDir = InfraTestConfig.newDataDir();
        List<Map<String, Object>> before;
        try (ConfigurableApplicationContext old = InfraTestConfig.startTracker(dataDir, "--spring.flyway.target=3",
                "--spring.jpa.database-platform=org.hibernate.dialect.H2Dialect", "--tracker.seed.enabled=true")) {
            JdbcTemplate jdbc = old.getBean(JdbcTemplate.class);
            assertThat(typeOf(jdbc, "domain_event_entry", "payload")).isEqualTo("binary large object");
            awaitCaseFiles(jdbc);
            before = jdbc.queryForList(EVENTS);
            assertThat(before).hasSizeGreaterThan(40);
        }
        try (ConfigurableApplicationContext migrated = InfraTestConfig.startTracker(dataDir,
                "--tracker.seed.enabled=true")) {
            JdbcTemplate jdbc = migrated.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select max(\"version\") from \"flyway_schema_history\"", String.class))
                    .isEqualTo("4");
            for (String[] column : new String[][]{{"domain_event_entry", "payload"},
                    {"domain_event_entry", "meta_data"}, {"token_entry", "token"},
                    {"snapshot_event_entry", "payload"}, {"dead_letter_entry", "payload"}}) {
                assertThat(typeOf(jdbc, column[0], column[1])).as(String.join(".", column))
                        .isEqualTo("binary varying");
            }
            assertThat(nullable(jdbc, "domain_event_entry", "payload")).isEqualTo("NO");
            assertThat(nullable(jdbc, "domain_event_entry", "meta_data")).isEqualTo("YES");
            List<Map<String, Object>> after = jdbc.queryForList(EVENTS);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).get("payload")).as("payload of event %s", before.get(i).get("global_index"))
                        .isEqualTo(before.get(i).get("payload"));
                assertThat(after.get(i).get("meta_data")).isEqualTo(before.get(i).get("meta_data"));
            }
            // the events still read as events: the tokens kept their place and nothing is folded twice or lost
            awaitCaseFiles(jdbc);
        }
    }

    private static void awaitCaseFiles(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("select count(*) from case_file where indexed_events > 0", Long.class))
                .isEqualTo(3L));
    }

    private static String typeOf(JdbcTemplate jdbc, String table, String column) {
        return jdbc.queryForObject("select lower(data_type) from information_schema.columns "
                + "where lower(table_name) = ? and lower(column_name) = ?", String.class, table, column);
    }

    private static String nullable(JdbcTemplate jdbc, String table, String column) {
        return jdbc.queryForObject("select is_nullable from information_schema.columns "
                + "where lower(table_name) = ? and lower(column_name) = ?", String.class, table, column);
    }
}
