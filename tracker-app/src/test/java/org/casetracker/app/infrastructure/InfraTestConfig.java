package org.casetracker.app.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.casetracker.app.TrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Test-only beans; a @TestConfiguration so that component scanning of other tests' contexts skips it. */
@TestConfiguration(proxyBeanMethods = false)
public class InfraTestConfig {

    @Bean
    ConfigurerModule infraTestAggregates() {
        return AggregateRegistration.aggregates(List.of(InfraTestMatter.class));
    }

    @Bean
    MatterClock matterClock() {
        return () -> LocalDate.of(2024, 2, 29);
    }

    @Bean
    RecordingProjection recordingProjection() {
        return new RecordingProjection();
    }

    /** A fresh data directory for one test database (absolute: H2 wants relative paths to start with ./). */
    static Path newDataDir() {
        return Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    }

    /** The tracker itself on that directory (no test beans), on a free port, with these further arguments. */
    static ConfigurableApplicationContext startTracker(Path dataDir, String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--tracker.data-dir=" + dataDir;
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new SpringApplicationBuilder(TrackerApplication.class).run(all);
    }
}
