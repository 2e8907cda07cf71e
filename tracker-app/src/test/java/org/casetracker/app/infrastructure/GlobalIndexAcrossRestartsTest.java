package org.casetracker.app.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.casetracker.app.TrackerApplication;
import org.casetracker.app.infrastructure.InfraTestMessages.Kind;
import org.casetracker.app.infrastructure.InfraTestMessages.NoteMatter;
import org.casetracker.app.infrastructure.InfraTestMessages.OpenMatter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two application starts on one file database: global indexes stay contiguous, processors resume and fold. */
class GlobalIndexAcrossRestartsTest {

    private final Path dataDir = InfraTestConfig.newDataDir();

    @Test
    void globalIndexesAreContiguousAcrossRestartsAndNewProcessorsFoldTheWholeHistory() {
        long wakers = awakeningThreads();
        try (ConfigurableApplicationContext first = start()) {
            write(first, 3); // 6 events
            assertThat(first.getBean(ProjectionCatchUp.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            assertThat(first.getBean(RecordingProjection.class).opened).hasSize(3);
            assertThat(awakeningThreads()).isEqualTo(wakers + 1);
        }
        // the wake-up thread ends with its application
        await().atMost(Duration.ofSeconds(5)).until(() -> awakeningThreads() == wakers);
        try (ConfigurableApplicationContext second = start(LateProjection.Config.class)) {
            write(second, 2); // 4 more
            assertThat(second.getBean(ProjectionCatchUp.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            List<Long> indexes = second.getBean(JdbcTemplate.class)
                    .queryForList("select global_index from domain_event_entry order by global_index", Long.class);
            assertThat(indexes).hasSize(10).containsExactlyElementsOf(
                    LongStream.rangeClosed(indexes.get(0), indexes.get(indexes.size() - 1)).boxed().toList());
            // the old processor resumed from its stored token; the new one started at the tail
            assertThat(second.getBean(RecordingProjection.class).opened).hasSize(2);
            assertThat(second.getBean(LateProjection.class).seen).hasValue(10);
        }
    }

    private static long awakeningThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("AwakeningEventSource") && t.isAlive()).count();
    }

    private ConfigurableApplicationContext start(Class<?>... extra) {
        List<Class<?>> sources = new ArrayList<>(List.of(TrackerApplication.class, InfraTestConfig.class));
        sources.addAll(List.of(extra));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE)
                .run("--tracker.data-dir=" + dataDir, "--tracker.seed.enabled=false");
    }

    private static void write(ConfigurableApplicationContext context, int matters) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        for (int i = 0; i < matters; i++) {
            String id = "matter-" + UUID.randomUUID();
            commands.sendAndWait(new OpenMatter(id, LocalDate.of(2023, 5, 6), Kind.CRIMINAL, List.of(), null));
            commands.sendAndWait(new NoteMatter(id, "note " + i));
        }
    }

    /** A processor that did not exist in the first run. */
    @ProcessingGroup("infra-late-projection")
    public static class LateProjection {

        final AtomicInteger seen = new AtomicInteger();

        @EventHandler
        void on(InfraTestMessages.MatterOpened event) {
            seen.incrementAndGet();
        }

        @EventHandler
        void on(InfraTestMessages.MatterNoted event) {
            seen.incrementAndGet();
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Config {
            @Bean
            LateProjection lateProjection() {
                return new LateProjection();
            }
        }
    }
}
