package org.casetracker.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.app.TrackerApplication;
import org.casetracker.app.admin.ProjectionRebuilds;
import org.casetracker.app.audit.StoredEvents;
import org.casetracker.app.bulkreplay.BulkProgress;
import org.casetracker.app.casefile.CaseEventStore;
import org.casetracker.app.casefile.CaseFileProjection;
import org.casetracker.app.casefile.CaseFiles;
import org.casetracker.app.infrastructure.AwakeningEventSource;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.casefile.CaseFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One store, two benchmarks. Three synthetic cases of 100, 1,000 and 10,000 events, then 100,000 events of 200 other
 * cases. As-of reads of the three cases are measured first alone, then with the others in the store. Then the replay:
 * the raw limit (a sequential scan of the event table, each payload deserialized by Axon's own Jackson mapper), the
 * app's full rebuild of its projections (admin/ProjectionRebuilds: since ADR 0021 a bulk replay of its own, then the
 * processor started at the head), and the same handlers replaying the same store in a processor with Axon's
 * out-of-the-box settings (a tracking processor: batch size 1, one segment, the token store), then the whole store
 * replayed again by the same handlers in pooled processors, in variants that each change one thing (batch size 500,
 * the index written as before ADR 0020), in alternation: they read through Axon's pooled coordinator, which holds at
 * most 1,024 events per work package and waits 100 ms when one is full, so they show that cap beside the rebuild;
 * and last the store read alone, without handlers. Writes the {@code asof} and {@code replay} sections of
 * {@code target/bench/results.json}.
 * Asserts only that reads answer and replays finish.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreBenchmark {

    private static final int[] SIZES = {100, 1_000, 10_000};
    private static final int BATCH = 500;
    private static final int BATCH_SIZE_ROUNDS = 2;
    /** Measured passes of the limit's scan after one warming it; the fastest is the limit. */
    private static final int LIMIT_PASSES = 3;

    private ConfigurableApplicationContext app;
    private Path dataDir;
    private Map<Integer, Map<String, double[]>> alone;
    private int otherEvents;
    private long lastBenchCaseIndex;
    private double loadSeconds;

    @BeforeAll
    void recordTheStore() {
        otherEvents = BenchResults.scaled(100_000, 10_000);
        dataDir = Path.of("target", "bench", "data-" + UUID.randomUUID()).toAbsolutePath();
        app = new SpringApplicationBuilder(TrackerApplication.class)
                .run("--server.port=0", "--tracker.seed.enabled=false", "--tracker.data-dir=" + dataDir,
                        "--logging.level.root=WARN");
        DocketWriter writer = app.getBean(DocketWriter.class);
        ProjectionCatchUp catchUp = app.getBean(ProjectionCatchUp.class);
        for (int size : SIZES) {
            record(writer, "bench", size, size);
        }
        catchUp.awaitCaughtUp(Duration.ofMinutes(10));
        lastBenchCaseIndex = app.getBean(StoredEvents.class).lastGlobalIndex();
        alone = measure(app.getBean(CaseFiles.class), reads(), true);

        long started = System.nanoTime();
        for (int n = 0; n < otherEvents / 500; n++) {
            record(writer, "other", n, 500);
        }
        assertThat(catchUp.awaitCaughtUp(Duration.ofMinutes(30))).isTrue();
        loadSeconds = (System.nanoTime() - started) / 1e9;
    }

    @AfterAll
    void close() throws IOException {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    private static int reads() {
        return BenchResults.scaled(1_000, 200);
    }

    @Test
    @Order(1)
    void as_of_reads_touch_only_the_case_asked_about() {
        int reads = reads();
        CaseFiles caseFiles = app.getBean(CaseFiles.class);
        // first the reads as the app serves them, alone in the JVM; then the side by side, whose reads from scratch
        // allocate up to ten times more and so bring their collections into every kind they alternate with
        double loadBefore = BenchResults.loadAverage();
        long[] gc = collections();
        Map<Integer, Map<String, double[]>> crowded = measure(caseFiles, reads, true);
        long[] gcServed = since(gc);
        gc = collections();
        Map<Integer, Map<String, double[]>> sideBySide = measure(caseFiles, reads, false);
        long[] gcSideBySide = since(gc);
        double loadAfter = BenchResults.loadAverage();

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nAs-of reads, %d reads per size and kind (ms; KB allocated per read)"
                + "%n", reads));
        String crowd = "+" + otherEvents / 1000 + "k";
        table.append(String.format(Locale.ROOT, "%-8s %-30s %9s %9s %9s %9s %9s%n", "events", "reads (" + crowd + ")",
                "p50", "p99", "cpu p50", "cpu p99", "KB/read"));
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        for (int size : SIZES) {
            String key = Integer.toString(size);
            double[] a = alone.get(size).get(NOW);
            put(figures, "p50_ms_alone", key, a[0]);
            put(figures, "p99_ms_alone", key, a[1]);
            Map<String, double[]> kinds = new LinkedHashMap<>();
            kinds.put(NOW + " (alone in the JVM)", crowded.get(size).get(NOW));
            sideBySide.get(size).forEach((kind, values) -> kinds.put(kind, values));
            for (Map.Entry<String, double[]> kind : kinds.entrySet()) {
                double[] c = kind.getValue();
                table.append(String.format(Locale.ROOT, "%-8d %-30s %9.3f %9.3f %9.3f %9.3f %9.1f%n", size,
                        kind.getKey(), c[0], c[1], c[2], c[3], c[4] / 1024));
                String suffix = SUFFIXES.getOrDefault(kind.getKey(), "");
                put(figures, "p50_ms" + suffix, key, c[0]);
                put(figures, "p99_ms" + suffix, key, c[1]);
                put(figures, "cpu_p50_ms" + suffix, key, c[2]);
                put(figures, "cpu_p99_ms" + suffix, key, c[3]);
                put(figures, "kb_allocated_per_read" + suffix, key, c[4] / 1024);
            }
            double[] beside = sideBySide.get(size).get(NOW);
            double[] scratch = sideBySide.get(size).get(NOW_FROM_SCRATCH);
            put(figures, "p50_ratio_checkpoints_to_scratch", key, beside[0] / scratch[0]);
            put(figures, "cpu_p99_ratio_checkpoints_to_scratch", key, beside[3] / scratch[3]);
            put(figures, "p99_ratio_crowded_to_alone", key, crowded.get(size).get(NOW)[1] / a[1]);
        }
        long checkpointReferences = app.getBean(CaseEventStore.class)
                .foldOf(SyntheticDocket.caseId("bench", 10_000), null, false).orElseThrow().references();
        table.append(String.format(Locale.ROOT, "checkpoints of the 10,000-event case as known now (without retracted"
                + " entries): %,d references (%.2f MB at 4 bytes each)%n", checkpointReferences,
                checkpointReferences * 4 / 1e6));
        table.append(String.format(Locale.ROOT, "garbage collections: %d (%d ms) during the reads as served, %d (%d ms)"
                + " during the side by side%n", gcServed[0], gcServed[1], gcSideBySide[0], gcSideBySide[1]));
        table.append(String.format(Locale.ROOT, "%d other events recorded and projected in %.1f s; load average %.2f"
                + " before the reads, %.2f after, on %d cores%n", otherEvents, loadSeconds, loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors()));
        System.out.println(table);
        Map<String, Object> section = new LinkedHashMap<>(figures);
        section.put("checkpoint_references_10000", checkpointReferences);
        section.put("gc_count_during_reads", gcServed[0]);
        section.put("gc_ms_during_reads", gcServed[1]);
        section.put("gc_count_during_side_by_side", gcSideBySide[0]);
        section.put("gc_ms_during_side_by_side", gcSideBySide[1]);
        section.put("load_average_before_reads", loadBefore);
        section.put("load_average_after_reads", loadAfter);
        section.put("other_events", otherEvents);
        section.put("reads", reads);
        section.put("other_events_recorded_per_s", BenchResults.round(otherEvents / loadSeconds, 1));
        BenchResults.put("asof", section);
    }

    /** {collections, ms collecting} of every collector so far. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    private static long[] since(long[] before) {
        long[] now = collections();
        return new long[]{now[0] - before[0], now[1] - before[1]};
    }

    private static void put(Map<String, Map<String, Double>> figures, String name, String key, double value) {
        figures.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(key, BenchResults.round(value, 3));
    }

    @Test
    @Order(2)
    void replay_against_a_raw_scan_and_against_axon_defaults() throws Exception {
        StoredEvents stored = app.getBean(StoredEvents.class);
        long total = stored.countEvents();

        rawScan(total); // warms the JIT and the database's page cache for the measured passes
        // the limit is what the machine allows, so the fastest of several passes: one pass of 111,100 events takes
        // 0.3-1.7 s here, and a collection or a neighbour's burst in it moved single passes by up to 5x
        long[] limitPasses = new long[LIMIT_PASSES];
        for (int pass = 0; pass < LIMIT_PASSES; pass++) {
            limitPasses[pass] = rawScan(total);
        }
        long limitNanos = Arrays.stream(limitPasses).min().orElseThrow();
        System.out.println("\nThe limit's scan, events/s per pass: " + Arrays.toString(Arrays.stream(limitPasses)
                .mapToDouble(nanos -> BenchResults.perSecond(total, nanos)).toArray()));

        // Axon's defaults are measured over a window of the other cases' events (cases of 500 events, the typical
        // ones; a whole replay at batch size 1 would take hours); the rebuild's rate over the same window is timed
        // from its progress, so the ratio compares the same events
        long windowStart = lastBenchCaseIndex;
        // 20,000 events (small: 2,000): the rebuild's position moves one batch (1,000) at a time, so over 5,000 events
        // its time in the window was a matter of 5 steps; Axon's defaults take a few seconds for it since ADR 0020
        long window = Math.min(total - stored.countEventsUpTo(windowStart), BenchResults.scaled(20_000, 2_000));
        long windowEnd = positionAfter(windowStart, window);

        // the limit's scan is measured warm (its first pass warms the JIT and the page cache), so is the rebuild: a
        // first rebuild compiles the bulk replay's reading and handling paths, the second is the one measured; the
        // first is reported beside it
        TimedRebuild first = rebuild(total, windowStart, windowEnd);
        TimedRebuild measured = rebuild(total, windowStart, windowEnd);
        long rebuildNanos = measured.nanos();
        long windowNanos = measured.windowNanos();
        long[] gcDuringRebuild = measured.collections();
        double handlingCpu = measured.handlingCpuSeconds();
        double readingCpu = measured.readingCpuSeconds();
        // what the two threads would reach if each had a core of its own and they overlapped perfectly: the busier
        // thread's CPU time bounds the bulk replay; on a shared machine this moves far less than the wall time
        double perBusierThreadCpuSecond = BenchResults.round(total / Math.max(handlingCpu, readingCpu), 1);

        long[] axon = replayWithAxonDefaults(windowStart, windowEnd, window);
        Map<String, Double> byBatchSize = replayByBatchSize(total);
        double storeRead = readTheStore(total);

        double limit = BenchResults.perSecond(total, limitNanos);
        double replay = BenchResults.perSecond(total, rebuildNanos);
        double axonDefaults = BenchResults.perSecond(axon[0], axon[1]);
        double replayInWindow = BenchResults.perSecond(window, windowNanos);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events_per_s", replay);
        figures.put("limit_events_per_s", limit);
        figures.put("ratio_to_limit", BenchResults.round(replay / limit, 4));
        figures.put("axon_defaults_events_per_s", axonDefaults);
        figures.put("ratio_to_axon_defaults", BenchResults.round(replayInWindow / axonDefaults, 2));
        figures.put("events", total);
        figures.put("window_events", window);
        figures.put("events_per_s_in_window", replayInWindow);
        figures.put("axon_defaults_events", axon[0]);
        figures.put("rebuild_seconds", BenchResults.round(rebuildNanos / 1e9, 2));
        figures.put("first_rebuild_events_per_s", BenchResults.perSecond(total, first.nanos()));
        figures.put("first_rebuild_events_per_s_in_window", BenchResults.perSecond(window, first.windowNanos()));
        figures.put("batch_size", app.getEnvironment().getProperty("tracker.processing.batch-size", Integer.class));
        figures.put("events_per_s_by_batch_size", byBatchSize);
        Map<String, Double> ratioByBatchSize = new LinkedHashMap<>();
        byBatchSize.forEach((size, rate) -> ratioByBatchSize.put(size, BenchResults.round(rate / limit, 4)));
        figures.put("ratio_to_limit_by_batch_size", ratioByBatchSize);
        figures.put("store_read_events_per_s", storeRead);
        figures.put("rebuild_cpu_s_handling", BenchResults.round(handlingCpu, 2));
        figures.put("rebuild_cpu_s_reading", BenchResults.round(readingCpu, 2));
        figures.put("rebuild_events_per_cpu_s_of_busier_thread", perBusierThreadCpuSecond);
        figures.put("rebuild_gc_count", gcDuringRebuild[0]);
        figures.put("rebuild_gc_ms", gcDuringRebuild[1]);
        figures.put("load_average", BenchResults.round(BenchResults.loadAverage(), 2));
        BenchResults.put("replay", figures);
        StringBuilder sizes = new StringBuilder();
        byBatchSize.forEach((size, rate) -> sizes.append(BenchResults.row("replay.events_per_s_by_batch_size." + size,
                rate, String.format(Locale.ROOT, "%.4f of the limit", rate / limit))));
        System.out.println("\nReplay of " + total + " events (against Axon's defaults: " + window
                + " events of 500-event cases, from position " + windowStart + ")\n"
                + BenchResults.row("replay.events_per_s", replay, "full rebuild of the projections")
                + BenchResults.row("replay.limit_events_per_s", limit, "JDBC scan + Jackson per payload")
                + BenchResults.row("replay.ratio_to_limit", replay / limit, "target >= 0.5")
                + BenchResults.row("replay.first_rebuild_events_per_s", BenchResults.perSecond(total, first.nanos()),
                        "the first, cold rebuild")
                + BenchResults.row("replay.axon_defaults_events_per_s", axonDefaults, "tracking processor, batch 1")
                + BenchResults.row("replay.events_per_s_in_window", replayInWindow, "the rebuild, same window")
                + BenchResults.row("replay.ratio_to_axon_defaults", replayInWindow / axonDefaults, "target >= 10")
                + sizes
                + BenchResults.row("replay.store_read_events_per_s", storeRead, "the reading alone, no handler")
                + BenchResults.row("replay.rebuild_cpu_s_handling", handlingCpu, "CPU s of the bulk replay's handling")
                + BenchResults.row("replay.rebuild_cpu_s_reading", readingCpu, "CPU s of its reading thread")
                + BenchResults.row("replay.rebuild_events_per_cpu_s_of_busier_thread", perBusierThreadCpuSecond,
                        "events / busier thread's CPU s")
                + String.format(Locale.ROOT, "garbage collections during the rebuild: %d (%d ms)%n",
                        gcDuringRebuild[0], gcDuringRebuild[1])
                + "load average " + BenchResults.loadAverage());
    }

    /**
     * The whole store replayed by the projection's handlers in pooled processors built as the app builds its own
     * (EventProcessingDefaults: one segment, woken on commit, a replay from the start to the head), each variant
     * changing one thing: the batch size, or the index written as before ADR 0020. Since ADR 0021 the rebuild does not
     * replay through a pooled processor; these still do, so their figures show its coordinator's cap (a full work
     * package of 1,024 events makes it wait 100 ms), not the handlers' cost alone. Each in turn,
     * {@link #BATCH_SIZE_ROUNDS} rounds in alternation, so they share the machine's moods. Returns events/s per
     * variant, the mean of its rounds.
     */
    private Map<String, Double> replayByBatchSize(long total) throws InterruptedException {
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (ReplayVariant variant : REPLAY_VARIANTS) {
            rates.put(variant.name(), new double[BATCH_SIZE_ROUNDS]);
        }
        CaseFileProjection projection = app.getBean(CaseFileProjection.class);
        try {
            for (int round = 0; round < BATCH_SIZE_ROUNDS; round++) {
                for (ReplayVariant variant : REPLAY_VARIANTS) {
                    projection.compareIndexRowsBeforeWriting(variant.compareRows());
                    long nanos = replayInPooledProcessor("bench-" + variant.name() + "-" + round,
                            variant.batchSize());
                    rates.get(variant.name())[round] = BenchResults.perSecond(total, nanos);
                }
            }
        } finally {
            projection.compareIndexRowsBeforeWriting(true);
        }
        Map<String, Double> means = new LinkedHashMap<>();
        rates.forEach((name, perRound) -> means.put(name,
                BenchResults.round(Arrays.stream(perRound).average().orElseThrow(), 1)));
        System.out.println("\nReplay by variant, events/s per round: " + rates.entrySet().stream()
                .map(entry -> entry.getKey() + " " + Arrays.toString(entry.getValue())).toList());
        return means;
    }

    /**
     * One way of replaying the whole store: its batch size; {@code compareRows} false for the index as before
     * ADR 0020 (every row written again, every position checked against the store).
     */
    private record ReplayVariant(String name, int batchSize, boolean compareRows) {
    }

    private static final List<ReplayVariant> REPLAY_VARIANTS = List.of(
            new ReplayVariant("500", 500, true),
            new ReplayVariant("1000", 1_000, true),
            new ReplayVariant("1000_rewriting_every_row", 1_000, false));

    private long replayInPooledProcessor(String name, int batchSize) throws InterruptedException {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService worker = Executors.newScheduledThreadPool(1);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(app.getBean(CaseFileProjection.class)).build())
                .messageSource(app.getBean(org.axonframework.config.Configuration.class)
                        .getComponent(AwakeningEventSource.class))
                .tokenStore(app.getBean(TokenStore.class))
                .transactionManager(app.getBean(TransactionManager.class))
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .initialToken(source -> ReplayToken.createReplayToken(source.createHeadToken()))
                .tokenClaimInterval(1_000)
                .claimExtensionThreshold(2_000)
                .batchSize(batchSize)
                .build();
        long started = System.nanoTime();
        processor.start();
        try {
            long deadline = started + Duration.ofMinutes(30).toNanos();
            while (!replayed(processor)) {
                assertThat(System.nanoTime()).as("replay within 30 minutes").isLessThan(deadline);
                Thread.sleep(5);
            }
            return System.nanoTime() - started;
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            worker.shutdownNow();
        }
    }

    /** The limit: every row of the event table in order, each payload deserialized to its event class. */
    private long rawScan(long expected) throws Exception {
        ObjectMapper mapper = app.getBean("defaultAxonObjectMapper", ObjectMapper.class);
        Map<String, Class<?>> classes = new HashMap<>();
        long started = System.nanoTime();
        long read = 0;
        try (Connection connection = app.getBean(DataSource.class).getConnection();
             Statement query = connection.createStatement()) {
            query.setFetchSize(1_000);
            try (ResultSet rows = query.executeQuery(
                    "select global_index, payload_type, payload from domain_event_entry order by global_index")) {
                while (rows.next()) {
                    Class<?> type = classes.computeIfAbsent(rows.getString(2), StoreBenchmark::load);
                    Object event = mapper.readValue(rows.getBytes(3), type);
                    if (event != null) {
                        read++;
                    }
                }
            }
        }
        long nanos = System.nanoTime() - started;
        assertThat(read).isEqualTo(expected);
        return nanos;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One full rebuild, timed: its wall time, its time over the window, its two threads' CPU, the collections. */
    private record TimedRebuild(long nanos, long windowNanos, double handlingCpuSeconds, double readingCpuSeconds,
                                long[] collections) {
    }

    private TimedRebuild rebuild(long total, long windowStart, long windowEnd) throws InterruptedException {
        StoredEvents stored = app.getBean(StoredEvents.class);
        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
        long[] gcBefore = collections();
        long started = System.nanoTime();
        rebuilds.rebuild();
        long deadline = started + Duration.ofMinutes(30).toNanos();
        long enteredWindow = -1;
        long leftWindow = -1;
        // the rebuild's own progress, polled cheaply (the admin view counts the store's events on every call): the
        // bulk replay's committed position, then the processor's; the rebuild ends when its processor, started at
        // the store's head, holds its segment again (ADR 0021)
        // when the rebuild passed each tenth of the store: where its time went (the cold start, the long case)
        long lastPosition = stored.lastGlobalIndex();
        long[] tenths = new long[10];
        while (rebuilds.rebuilding()) {
            assertThat(System.nanoTime()).as("rebuild within 30 minutes").isLessThan(deadline);
            long position = rebuilds.position(CaseFileProjection.PROCESSING_GROUP).orElse(-1);
            long now = System.nanoTime();
            for (int tenth = 0; tenth < tenths.length; tenth++) {
                if (tenths[tenth] == 0 && position >= lastPosition * (tenth + 1) / 10) {
                    tenths[tenth] = now;
                }
            }
            if (enteredWindow < 0 && position >= windowStart) {
                enteredWindow = now;
            }
            if (leftWindow < 0 && position >= windowEnd) {
                leftWindow = now;
            }
            Thread.sleep(5);
        }
        long rebuildNanos = System.nanoTime() - started;
        long[] gcDuringRebuild = since(gcBefore);
        BulkProgress bulk = rebuilds.lastBulkReplay(CaseFileProjection.PROCESSING_GROUP).orElseThrow();
        double handlingCpu = bulk.handlingCpuNanos() / 1e9;
        double readingCpu = bulk.readingCpuNanos() / 1e9;
        StringBuilder progress = new StringBuilder("Rebuild passed each tenth of the store at (s):");
        for (long at : tenths) {
            progress.append(String.format(Locale.ROOT, " %.2f", at == 0 ? Double.NaN : (at - started) / 1e9));
        }
        System.out.println(progress);
        assertThat(rebuilds.view().rebuilding()).isFalse();
        assertThat(enteredWindow).as("the rebuild's progress was seen in the window").isPositive();
        long windowNanos = (leftWindow < 0 ? System.nanoTime() : leftWindow) - enteredWindow;
        System.out.printf(Locale.ROOT, "Rebuild of %d events: %.2f s, %.1f events/s%n", total, rebuildNanos / 1e9,
                BenchResults.perSecond(total, rebuildNanos));
        return new TimedRebuild(rebuildNanos, windowNanos, handlingCpu, readingCpu, gcDuringRebuild);
    }

    /**
     * The projection's handlers in a processor as Axon builds it when told nothing: a tracking processor with its
     * default configuration (one thread, one segment, batch size 1), the JPA token store Axon's auto-configuration
     * gives when JPA is present (the app's own stores its tokens by JDBC since ADR 0023: the peer keeps Axon's), the
     * app's transaction manager, reading the event store directly. It starts after {@code from} and runs until it has
     * handled the {@code events} events up to position {@code to}; returns {events handled, nanos}.
     */
    private long[] replayWithAxonDefaults(long from, long to, long events) throws InterruptedException {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("bench-axon-defaults")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(app.getBean(CaseFileProjection.class)).build())
                .messageSource(app.getBean(EventStore.class))
                .tokenStore(JpaTokenStore.builder()
                        .entityManagerProvider(app.getBean(EntityManagerProvider.class))
                        .serializer(app.getBean(Serializer.class))
                        .build())
                .transactionManager(app.getBean(TransactionManager.class))
                // Axon's default configuration, only told where to start: like Axon's own initial token, a replay
                // (up to the store's head), but from the window's start instead of the tail
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> ReplayToken.createReplayToken(source.createHeadToken(),
                                GapAwareTrackingToken.newInstance(from, Collections.emptySortedSet()))))
                .build();
        long started = System.nanoTime();
        processor.start();
        try {
            long deadline = started + Duration.ofMinutes(30).toNanos();
            // its position only, polled cheaply: counting the events it had handled on every poll took CPU from it
            while (position(processor.processingStatus()) < to) {
                assertThat(System.nanoTime()).as("Axon's defaults replay within 30 minutes").isLessThan(deadline);
                Thread.sleep(5);
            }
            return new long[]{events, System.nanoTime() - started};
        } finally {
            processor.shutDown();
        }
    }

    /**
     * What a processor's reading of the store costs alone, without handlers: the whole store streamed from its
     * tail through the event store, each payload and its metadata deserialized (2 rounds, the mean). A replay
     * slower than this is bounded by its handling, not by its reading.
     */
    private double readTheStore(long total) throws InterruptedException {
        EventStore store = app.getBean(EventStore.class);
        double[] rates = new double[2];
        for (int round = 0; round < rates.length; round++) {
            long started = System.nanoTime();
            long read = 0;
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                while (read < total && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (event.getPayload() != null && event.getMetaData() != null) {
                        read++;
                    }
                }
            }
            assertThat(read).isEqualTo(total);
            rates[round] = BenchResults.perSecond(total, System.nanoTime() - started);
        }
        System.out.println("\nThe store read alone, events/s per round: " + Arrays.toString(rates));
        return BenchResults.round(Arrays.stream(rates).average().orElseThrow(), 1);
    }

    /** A rebuild is over once the segment is claimed and no longer replaying. */
    private static boolean replayed(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        return !statuses.isEmpty() && statuses.values().stream()
                .noneMatch(status -> status.isReplaying() && !status.isCaughtUp());
    }

    private static long position(Map<Integer, EventTrackerStatus> statuses) {
        EventTrackerStatus status = statuses.get(0);
        if (status == null || status.getTrackingToken() == null) {
            return -1;
        }
        OptionalLong position = status.getCurrentPosition();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    /** The global index of the {@code events}-th event after {@code from}. */
    private long positionAfter(long from, long events) {
        return app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select max(global_index) from (select global_index from domain_event_entry where global_index > ?"
                        + " order by global_index limit ?)", Long.class, from, events);
    }

    private static void record(DocketWriter writer, String court, int number, int events) {
        for (List<Object> batch : SyntheticDocket.commands(court, number, events, BATCH)) {
            writer.write(() -> {
                writer.sendAll(batch);
                return null;
            });
        }
    }

    private static final String NOW = "known now";
    private static final String NOW_FROM_SCRATCH = "known now, from scratch";
    private static final String EARLIER = "known earlier";
    private static final String EARLIER_FROM_SCRATCH = "known earlier, scratch";
    /** The keys of the side by side's kinds in results.json; the reads as served keep the keys' old names. */
    private static final Map<String, String> SUFFIXES = Map.of(NOW, "_beside_scratch",
            NOW_FROM_SCRATCH, "_from_scratch", EARLIER, "_known_at", EARLIER_FROM_SCRATCH, "_known_at_from_scratch");

    /** One kind of read: the answer at a legal date and a moment. */
    private interface Read {
        java.util.Optional<CaseFile> read(CaseFiles files, String caseId, LocalDate asOf, Instant knownAt);
    }

    /**
     * p50 and p99 in ms of as-of reads at random legal dates, wall-clock and the reading thread's CPU time (which a
     * busy neighbour does not inflate), and the bytes the thread allocated per read. Four kinds, each pair measured
     * read by read in alternation (which goes first alternates too), with the same dates and moments:
     * <ul>
     * <li>known now: half without {@code knownAt}, half with one a few seconds back (after the case was recorded),
     * going on from the fold's checkpoints (ADR 0017) — the kind the {@code p50_ms}/{@code p99_ms} keys always
     * measured — against the same reads folded from the first event ("from scratch", what reads did before);</li>
     * <li>known earlier: a {@code knownAt} while the case was being recorded, so part of it was not yet known; a
     * researcher's pattern, ten legal dates at one moment, then another moment; checkpointed against from scratch.
     * </li>
     * </ul>
     * With {@code nowOnly} only the checkpointed reads known now: the reads as the app serves them.
     */
    private Map<Integer, Map<String, double[]>> measure(CaseFiles caseFiles, int reads, boolean nowOnly) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Integer, Map<String, double[]>> result = new LinkedHashMap<>();
        Random random = new Random(42);
        Read checkpointed = (files, id, asOf, knownAt) -> files.asOf(id, asOf, knownAt, false);
        Read fromScratch = (files, id, asOf, knownAt) -> files.asOfFromScratch(id, asOf, knownAt, false);
        for (int size : SIZES) {
            String caseId = SyntheticDocket.caseId("bench", size);
            long span = SyntheticDocket.lastDay(size).toEpochDay() - SyntheticDocket.FIRST_DAY.toEpochDay() + 1;
            List<Instant> recorded = caseFiles.eventsOf(caseId).stream().map(e -> e.recordedAt()).sorted().toList();
            Instant firstRecorded = recorded.get(0);
            Instant lastRecorded = recorded.get(recorded.size() - 1);
            long recordingMillis = Math.max(1, lastRecorded.toEpochMilli() - firstRecorded.toEpochMilli());
            for (int warmup = 0; warmup < 300; warmup++) { // let the JIT compile the fold first
                LocalDate asOf = SyntheticDocket.FIRST_DAY.plusDays(random.nextInt((int) span));
                Instant earlier = firstRecorded.plusMillis(random.nextInt((int) Math.min(recordingMillis,
                        Integer.MAX_VALUE)));
                caseFiles.asOf(caseId, asOf, warmup % 2 == 0 ? null : Instant.now(), false);
                if (!nowOnly) {
                    caseFiles.asOfFromScratch(caseId, asOf, null, false);
                    caseFiles.asOf(caseId, asOf, earlier, false);
                    caseFiles.asOfFromScratch(caseId, asOf, earlier, false);
                }
            }
            Map<String, long[][]> samples = new LinkedHashMap<>();
            for (String kind : List.of(NOW, NOW_FROM_SCRATCH, EARLIER, EARLIER_FROM_SCRATCH)) {
                samples.put(kind, new long[3][reads]);
            }
            Instant moment = null;
            for (int i = 0; i < reads; i++) {
                LocalDate asOf = SyntheticDocket.FIRST_DAY.plusDays(random.nextInt((int) span));
                // a few seconds back, but never before the case's last event was recorded: since the appends got
                // faster (ADRs 0022-0026) the three cases are recorded within 5 s, and an earlier moment read a case
                // not yet known (stop 16's first full run failed so)
                Instant fewSecondsBack = Instant.now().minusMillis(random.nextInt(5_000));
                Instant knownAt = i % 2 == 0 ? null
                        : fewSecondsBack.isBefore(lastRecorded) ? lastRecorded : fewSecondsBack;
                if (nowOnly) {
                    time(threads, caseFiles, checkpointed, caseId, asOf, knownAt, samples.get(NOW), i);
                    continue;
                }
                if (i % 10 == 0) {
                    moment = firstRecorded.plusMillis(random.nextInt((int) Math.min(recordingMillis,
                            Integer.MAX_VALUE)));
                }
                boolean checkpointsFirst = i % 2 == 0;
                CaseFile[] now = new CaseFile[2];
                CaseFile[] earlier = new CaseFile[2];
                for (int turn = 0; turn < 2; turn++) {
                    boolean checkpoints = (turn == 0) == checkpointsFirst;
                    now[checkpoints ? 0 : 1] = time(threads, caseFiles, checkpoints ? checkpointed : fromScratch,
                            caseId, asOf, knownAt, samples.get(checkpoints ? NOW : NOW_FROM_SCRATCH), i);
                }
                for (int turn = 0; turn < 2; turn++) {
                    boolean checkpoints = (turn == 0) == checkpointsFirst;
                    earlier[checkpoints ? 0 : 1] = time(threads, caseFiles, checkpoints ? checkpointed : fromScratch,
                            caseId, asOf, moment, samples.get(checkpoints ? EARLIER : EARLIER_FROM_SCRATCH), i);
                }
                // the benchmark asserts only that the work was done, and done right: both ways give one answer
                assertThat(now[0]).isEqualTo(now[1]);
                assertThat(earlier[0]).isEqualTo(earlier[1]);
            }
            Map<String, double[]> figures = new LinkedHashMap<>();
            for (Map.Entry<String, long[][]> kind : samples.entrySet()) {
                if (!nowOnly || kind.getKey().equals(NOW)) {
                    figures.put(kind.getKey(), percentiles(kind.getValue(), reads));
                }
            }
            result.put(size, figures);
        }
        return result;
    }

    /** One read, timed; its wall and CPU nanoseconds and allocated bytes go to {@code into}[0..2][i]. */
    private static CaseFile time(ThreadMXBean threads, CaseFiles caseFiles, Read read, String caseId, LocalDate asOf,
                                 Instant knownAt, long[][] into, int i) {
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long thread = Thread.currentThread().getId();
        long allocatedStart = allocation.getThreadAllocatedBytes(thread);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CaseFile file = read.read(caseFiles, caseId, asOf, knownAt).orElse(null);
        into[0][i] = System.nanoTime() - start;
        into[1][i] = threads.getCurrentThreadCpuTime() - cpuStart;
        into[2][i] = allocation.getThreadAllocatedBytes(thread) - allocatedStart;
        assertThat(file).as("the case was filed on the first day and recorded first").isNotNull();
        assertThat(file.id().value()).isEqualTo(caseId);
        return file;
    }

    /** {p50 wall, p99 wall, p50 CPU, p99 CPU} in ms and the mean bytes allocated. */
    private static double[] percentiles(long[][] samples, int reads) {
        long[] wall = samples[0].clone();
        long[] cpu = samples[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        int p99 = (int) Math.ceil(reads * 0.99) - 1;
        double allocated = Arrays.stream(samples[2]).average().orElse(0);
        return new double[]{wall[reads / 2] / 1e6, wall[p99] / 1e6, cpu[reads / 2] / 1e6, cpu[p99] / 1e6, allocated};
    }
}
