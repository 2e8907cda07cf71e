package org.casetracker.app.crash;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash mid-way loses nothing that was acknowledged: the tracker runs as its own process, takes
 * filings from several threads, is killed with SIGKILL while they write, and starts again on the same
 * H2 store. Every filing answered 2xx is in the store and, after catch-up, in the docket, once, and the
 * audit hash chain still verifies.
 * Bounded: about half a minute of writing at most, and a minute to catch up.
 */
class CrashRecoveryTest {

    private final TrackerClient client = new TrackerClient();

    @Test
    void everyAcknowledgedFilingSurvivesAKillDashNine() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "test-data", "crash-" + UUID.randomUUID()))
                .toAbsolutePath();
        String caseId;
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        try (TrackerProcess first = TrackerProcess.start(dataDir, TrackerClient.USERS)) {
            first.awaitReady(Duration.ofSeconds(120));
            caseId = client.openCase(first);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int thread = 0; thread < 4; thread++) {
                int lane = thread;
                writers.submit(() -> {
                    for (int n = 0; writing.get() && n < 10_000; n++) {
                        int entryNumber = 1 + lane + 4 * n;
                        if (client.record(first, caseId, entryNumber) / 100 == 2) {
                            acknowledged.add(entryNumber);
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.size() < 120 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            first.kill(); // mid-way: the writers are still sending
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("filings acknowledged before the crash").hasSizeGreaterThan(10);

        try (TrackerProcess second = TrackerProcess.start(dataDir, TrackerClient.USERS)) {
            second.awaitReady(Duration.ofSeconds(120));
            List<Integer> docket = client.awaitDocketWith(second, caseId, acknowledged, Duration.ofSeconds(60));
            assertThat(docket).as("the docket after restart holds every acknowledged filing")
                    .containsAll(acknowledged);
            assertThat(docket).as("no entry twice").doesNotHaveDuplicates();
            assertThat(client.awaitValidChain(second, Duration.ofSeconds(60)))
                    .as("the audit chain verifies after the crash").contains("\"valid\":true");
        }
    }
}
