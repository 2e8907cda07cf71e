package org.casetracker.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The case tracker. Entity scanning deliberately has no {@code @EntityScan}: JPA then scans the
 * auto-configuration packages, which are this package ({@code org.casetracker.app.**}) plus the ones Axon
 * registers for its own entities (event store, token store). An {@code @EntityScan} would replace both and
 * would have to list Axon's packages by hand.
 */
@SpringBootApplication
public class TrackerApplication {

    public static void main(String[] args) {
        // Axon prints an AxonIQ Console advert at start-up unless this is set.
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(TrackerApplication.class, args);
    }
}
