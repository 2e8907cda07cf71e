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
 * An H2 store made before Flyway owned the schema (by Hibernate's ddl-auto, with the record loaded) opens with the
 * Flyway build: it is baselined at version 1, which is that schema, Hibernate validates it, and nothing is lost.
 */
class FlywayBaselineTest {

    @Test
    void aStoreMadeByDdlAutoIsBaselinedAndKeepsItsEvents() {
        Path dataDir = InfraTestConfig.newDataDir();
        long events;
        try (ConfigurableApplicationContext old = InfraTestConfig.startTracker(dataDir,
                "--spring.flyway.enabled=false",
                "--spring.jpa.hibernate.ddl-auto=update", "--tracker.seed.enabled=true")) {
            JdbcTemplate jdbc = old.getBean(JdbcTemplate.class);
            events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            assertThat(events).isGreaterThan(40);
            assertThat(tables(jdbc)).doesNotContain("flyway_schema_history");
        }
        try (ConfigurableApplicationContext migrated = InfraTestConfig.startTracker(dataDir,
                "--tracker.seed.enabled=true")) {
            JdbcTemplate jdbc = migrated.getBean(JdbcTemplate.class);
            List<Map<String, Object>> history = jdbc.queryForList(
                    "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" = '1'");
            assertThat(history).as("V1 taken as the schema ddl-auto made, not run on it")
                    .containsExactly(Map.of("version", "1", "type", "BASELINE"));
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                    .as("the record is neither lost nor loaded again").isEqualTo(events);
            // the projection folds what it had not yet folded (this build's fold lock table came with V2)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(3L));
        }
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("select lower(table_name) from information_schema.tables", String.class);
    }
}
