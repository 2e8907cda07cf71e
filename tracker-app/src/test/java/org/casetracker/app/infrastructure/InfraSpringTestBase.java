package org.casetracker.app.infrastructure;

import org.casetracker.app.TrackerApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** One shared application context (same key for all subclasses) on its own file database, without the seed. */
@SpringBootTest(classes = {TrackerApplication.class, InfraTestConfig.class}, properties = "tracker.seed.enabled=false")
abstract class InfraSpringTestBase {

    static final Path DATA_DIR = InfraTestConfig.newDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA_DIR::toString);
    }
}
