package org.casetracker.app.crash;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.casetracker.app.stores.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL (embedded, started by the test): the case-file processor's 4 segments are split between
 * them; four writers record filings into one case, two through each node, at once; one node is killed with SIGKILL
 * while they write; the survivor takes over its segments when their claims time out. Every filing either node
 * acknowledged is then on the survivor's docket, once; no write a live node answered was refused; the audit chain is
 * valid. Prints the figures: time to split, time to take over, writes per node, conflicts retried.
 */
class TwoNodesOnPostgresTest {

    private static final String CASE_FILES = "case-files";
    private static final Pattern RETRIES = Pattern.compile("Write attempt \\d+ of \\d+ lost a race");

    private final TrackerClient client = new TrackerClient();

    @Test
    void acknowledgedWritesThroughEitherNodeSurviveAKillDashNineOfOne() throws Exception {
        Map<String, String> database = TestStores.freshPostgresDatabase("nodes");
        JdbcTemplate jdbc = jdbc(database.get("spring.datasource.url"));
        List<String> arguments = new ArrayList<>(TrackerClient.USERS);
        arguments.add("--spring.profiles.active=postgres");
        arguments.addAll(TestStores.arguments(database));
        arguments.add("--tracker.processing.balance-interval=1s");
        Path dir = Files.createDirectories(Path.of("target", "test-data", "nodes-" + UUID.randomUUID()))
                .toAbsolutePath();

        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        AtomicInteger acknowledgedByA = new AtomicInteger();
        AtomicInteger acknowledgedByB = new AtomicInteger();
        String caseId;
        int exitStatus;
        long splitMillis;
        long takeoverMillis;
        try (TrackerProcess a = TrackerProcess.start(dir.resolve("a"), arguments)) {
            a.awaitReady(Duration.ofSeconds(180));
            caseId = client.openCase(a); // the store's first events: every segment's token exists from here on
            try (TrackerProcess b = TrackerProcess.start(dir.resolve("b"), arguments)) {
                b.awaitReady(Duration.ofSeconds(180));
                long joined = System.nanoTime();
                awaitOwners(jdbc, Duration.ofSeconds(60), owners -> owners.size() == 2);
                splitMillis = millisSince(joined);
                System.out.printf("[two nodes] segments of %s after B joined: %s, split in %d ms%n", CASE_FILES,
                        owners(jdbc), splitMillis);

                AtomicBoolean aWriting = new AtomicBoolean(true);
                AtomicBoolean bWriting = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(4);
                for (int lane = 0; lane < 4; lane++) {
                    TrackerProcess node = lane % 2 == 0 ? a : b;
                    AtomicBoolean writing = node == a ? aWriting : bWriting;
                    AtomicInteger count = node == a ? acknowledgedByA : acknowledgedByB;
                    int first = lane + 1;
                    writers.submit(() -> {
                        for (int n = 0; writing.get() && n < 10_000; n++) {
                            int entryNumber = first + 4 * n;
                            int status = client.record(node, caseId, entryNumber);
                            if (status / 100 == 2) {
                                acknowledged.add(entryNumber);
                                count.incrementAndGet();
                            } else if (status != -1 || node == b) {
                                refused.computeIfAbsent((node == a ? "A " : "B ") + status, k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                    });
                }
                awaitAcknowledged(acknowledgedByA, acknowledgedByB, 30, Duration.ofSeconds(60));

                exitStatus = a.kill(); // mid-way: both nodes' writers are still sending
                long killed = System.nanoTime();
                aWriting.set(false);
                String survivor = b.pid() + "@";
                awaitOwners(jdbc, Duration.ofSeconds(60),
                        owners -> owners.size() == 1 && owners.iterator().next().startsWith(survivor));
                takeoverMillis = millisSince(killed);
                int acknowledgedByBAtTakeover = acknowledgedByB.get();
                long more = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (acknowledgedByB.get() < acknowledgedByBAtTakeover + 10 && System.nanoTime() < more) {
                    Thread.sleep(100); // B goes on writing, now folding every segment itself
                }
                bWriting.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                List<Integer> docket = client.awaitDocketWith(b, caseId, acknowledged, Duration.ofSeconds(60));
                long retries = retries(a) + retries(b);
                System.out.printf("[two nodes] SIGKILL exit status %d; segments taken over by B %d ms after the "
                                + "kill; acknowledged %d (A %d, B %d); conflicts retried %d; refused %s%n",
                        exitStatus, takeoverMillis, acknowledged.size(), acknowledgedByA.get(),
                        acknowledgedByB.get(), retries, refused);

                assertThat(exitStatus).as("killed by SIGKILL").isEqualTo(128 + 9);
                assertThat(acknowledgedByA.get()).as("writes acknowledged by A").isGreaterThan(5);
                assertThat(acknowledgedByB.get()).as("writes acknowledged by B").isGreaterThan(5);
                assertThat(refused).as("writes a live node refused").isEmpty();
                assertThat(docket).as("the survivor's docket holds every acknowledged filing")
                        .containsAll(acknowledged);
                assertThat(docket).as("no entry twice").doesNotHaveDuplicates();
                assertThat(client.awaitValidChain(b, Duration.ofSeconds(60)))
                        .as("the audit chain verifies on the survivor").contains("\"valid\":true");
            }
        }
    }

    private static void awaitAcknowledged(AtomicInteger byA, AtomicInteger byB, int each, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while ((byA.get() < each || byB.get() < each) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The owners of the case-file processor's claimed segments, e.g. {@code 1234@host}. */
    private static Set<String> owners(JdbcTemplate jdbc) {
        return Set.copyOf(jdbc.queryForList("select owner from token_entry where processor_name = ? "
                + "and owner is not null", String.class, CASE_FILES));
    }

    private static void awaitOwners(JdbcTemplate jdbc, Duration max, java.util.function.Predicate<Set<String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.test(owners(jdbc)) || unclaimed(jdbc) > 0) {
            assertThat(System.nanoTime()).as("segments claimed as expected within " + max + ": " + owners(jdbc))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int unclaimed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from token_entry where processor_name = ? and owner is null",
                Integer.class, CASE_FILES);
    }

    private static long retries(TrackerProcess node) throws IOException {
        Matcher matcher = RETRIES.matcher(Files.readString(node.log));
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static JdbcTemplate jdbc(String url) {
        EmbeddedPostgres postgres = TestStores.postgres();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        return new JdbcTemplate(postgres.getDatabase("postgres", database));
    }
}
