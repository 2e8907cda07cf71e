package org.casetracker.app.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.casetracker.app.TrackerApplication;
import org.casetracker.app.audit.AuditChainProjection;
import org.casetracker.app.casefile.CaseFileProjection;
import org.casetracker.app.groupcommit.GroupCommitCommandBus;
import org.casetracker.app.groupcommit.GroupCommitStatistics;
import org.casetracker.app.infrastructure.AwakeningEventSource;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appending: filings recorded per second through the command gateway (one command, one unit of work and one
 * transaction each, from several threads), through REST (the whole request: security, checks, case locks, the wait
 * for the projections), and the limit: raw JDBC batch inserts of copies of the very rows just stored into a table
 * of the same shape (columns, keys, unique constraints) in the same H2 database. Measured in one run, side by side.
 * Writes the {@code append} section of {@code target/bench/results.json}. Asserts only that every write was stored.
 */
@Tag("benchmark")
class AppendBenchmark {

    private static final int THREADS = 4;
    /** The wake-up interval measured beside the configured one when that is zero (ADR 0025); else zero is. */
    private static final Duration WAKE_UP_INTERVAL = Duration.ofMillis(10);
    private static final List<String> PROCESSORS = List.of(CaseFileProjection.PROCESSING_GROUP,
            AuditChainProjection.PROCESSING_GROUP);
    private static final int MANY_THREADS = 16;
    /** Group commit on and off are measured in alternation, this many times each. */
    private static final int ROUNDS = 2;
    private static final int LIMIT_BATCH = 100;
    private static final int UNIT = 100;
    private static final Source SOURCE = new Source("synthetic benchmark data", Verification.UNVERIFIED);
    private static final String USER = "bench-recorder";
    private static final String PASSWORD = "bench-" + UUID.randomUUID();

    @Test
    void appends_against_raw_inserts_into_the_same_database() throws Exception {
        int filings = BenchResults.scaled(20_000, 2_000);
        int restFilings = BenchResults.scaled(1_000, 200);
        Path dataDir = Path.of("target", "bench", "data-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackerApplication.class)
                .run("--server.port=0", "--tracker.seed.enabled=false", "--tracker.data-dir=" + dataDir,
                        "--logging.level.root=WARN",
                        "--tracker.security.users." + USER + ".password={noop}" + PASSWORD,
                        "--tracker.security.users." + USER + ".roles=RECORDER")) {
            DocketWriter writer = app.getBean(DocketWriter.class);
            CommandGateway gateway = app.getBean(CommandGateway.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            for (int thread = 0; thread < THREADS; thread++) {
                openCase(writer, "gateway", thread);
                openCase(writer, "rest", thread);
            }
            app.getBean(ProjectionCatchUp.class).awaitCaughtUp(Duration.ofMinutes(1));
            long before = count(jdbc);

            // warm-up on cases of their own, so that the JIT has compiled the write path before it is timed
            openCase(writer, "warmup", 0);
            inParallel(1, worker -> () -> {
                recordThroughGateway(gateway, "warmup", 0, 1, Math.max(filings / 20, 200));
                return null;
            });

            // single writer: a filing's latency with group commit on and off, alternating (a lone writer's batch is
            // itself, so the two must not differ)
            GroupCommitCommandBus bus = app.getBean(GroupCommitCommandBus.class);
            openCase(writer, "single", 0);
            int singleRound = BenchResults.scaled(300, 100);
            long[] singleNanos = new long[2];
            int singleEntry = 1;
            ProjectionCatchUp projections = app.getBean(ProjectionCatchUp.class);
            for (int round = 0; round < ROUNDS; round++) {
                // the order swaps each round, and each timed part starts with the projections caught up: otherwise the
                // part that runs first competes with the processors for the cores while they fold what came before
                boolean[] order = round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true};
                for (boolean on : order) {
                    projections.awaitCaughtUp(Duration.ofMinutes(1));
                    bus.groupCommit(on);
                    int first = singleEntry;
                    singleNanos[on ? 0 : 1] += inParallel(1, worker -> () -> {
                        recordThroughGateway(gateway, "single", 0, first, singleRound);
                        return null;
                    });
                    singleEntry += singleRound;
                }
            }

            // the lone writer again with the processors stopped: what sharing the cores with them costs its latency
            projections.awaitCaughtUp(Duration.ofMinutes(1));
            bus.groupCommit(true);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            int quietFirst = singleEntry;
            long[] quietWriterCpu = new long[1];
            long quietCpuBefore = processCpuNanos();
            long quietNanos = inParallel(1, worker -> () -> {
                long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                recordThroughGateway(gateway, "single", 0, quietFirst, singleRound);
                quietWriterCpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
                return null;
            });
            long quietCpuNanos = processCpuNanos() - quietCpuBefore;
            singleEntry += singleRound;
            processing.eventProcessors().values().forEach(EventProcessor::start);
            projections.awaitCaughtUp(Duration.ofMinutes(1));

            // four writers, group commit on (the key's own figure) and off, alternating on cases of their own
            int perThread = filings / THREADS;
            int offPerThread = Math.max(perThread / 4, 50);
            for (int thread = 0; thread < THREADS; thread++) {
                openCase(writer, "serial", thread);
            }
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            AwakeningEventSource wakeUps = app.getBean(org.axonframework.config.Configuration.class)
                    .getComponent(AwakeningEventSource.class);
            Duration configuredWakeUp = app.getEnvironment().getProperty("tracker.processing.wake-up-interval",
                    Duration.class, Duration.ZERO);
            Duration otherWakeUp = configuredWakeUp.isZero() ? WAKE_UP_INTERVAL : Duration.ZERO;
            for (int thread = 0; thread < THREADS; thread++) {
                openCase(writer, "woken", thread);
            }
            Part on = Part.NONE;
            Part woken = Part.NONE;
            long offNanos = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int onFirst = 1 + round * (perThread / ROUNDS);
                int onCount = round == ROUNDS - 1 ? perThread - round * (perThread / ROUNDS) : perThread / ROUNDS;
                bus.groupCommit(true);
                // with the processors woken as configured, and the other way (ADR 0025: at most every 10 ms, or at every
                // commit) on cases of their own; which goes first swaps each round
                for (boolean configured : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                    wakeUps.wakeUpInterval(configured ? configuredWakeUp : otherWakeUp);
                    String court = configured ? "gateway" : "woken";
                    Part part = measure(bus, meters, jdbc, projections, () -> inParallel(THREADS, worker -> () -> {
                        recordThroughGateway(gateway, court, worker, onFirst, onCount);
                        return null;
                    }));
                    if (configured) {
                        on = on.plus(part);
                    } else {
                        woken = woken.plus(part);
                    }
                }
                wakeUps.wakeUpInterval(configuredWakeUp);
                int offFirst = 1 + round * (offPerThread / ROUNDS);
                int offCount = round == ROUNDS - 1 ? offPerThread - round * (offPerThread / ROUNDS)
                        : offPerThread / ROUNDS;
                bus.groupCommit(false);
                offNanos += inParallel(THREADS, worker -> () -> {
                    recordThroughGateway(gateway, "serial", worker, offFirst, offCount);
                    return null;
                });
            }
            long appended = on.filings();
            long gatewayNanos = on.nanos();
            long gatewayCpuNanos = on.cpuNanos();
            long batchesOn = on.sharedBatches();
            long batchedOn = on.batchedFilings();
            assertThat(woken.filings()).isEqualTo((long) perThread * THREADS);
            bus.groupCommit(true);
            assertThat(appended).isEqualTo((long) perThread * THREADS);

            // sixteen writers, group commit on
            for (int thread = 0; thread < MANY_THREADS; thread++) {
                openCase(writer, "sixteen", thread);
            }
            int manyPerThread = BenchResults.scaled(8_000, 1_600) / MANY_THREADS;
            long beforeMany = count(jdbc);
            long manyNanos = inParallel(MANY_THREADS, worker -> () -> {
                recordThroughGateway(gateway, "sixteen", worker, 1, manyPerThread);
                return null;
            });
            long manyStored = count(jdbc) - beforeMany;
            assertThat(manyStored).isEqualTo((long) manyPerThread * MANY_THREADS);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // REST with the processors woken as configured and the other way, alternating: each request waits for the
            // projections (read-your-writes), so this is where a later wake-up would show; first from one thread
            // (a request's own latency), then from four
            int restPerThread = restFilings / THREADS;
            for (int thread = 0; thread < THREADS; thread++) {
                openCase(writer, "restwoken", thread);
            }
            projections.awaitCaughtUp(Duration.ofMinutes(1));
            for (int thread = 0; thread < 2; thread++) {
                openCase(writer, "restalone", thread);
            }
            projections.awaitCaughtUp(Duration.ofMinutes(1));
            int lonePerRound = BenchResults.scaled(100, 40);
            long[] loneNanos = new long[2];
            for (int round = 0; round < ROUNDS; round++) {
                int first = 1 + round * lonePerRound;
                for (boolean configured : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                    wakeUps.wakeUpInterval(configured ? configuredWakeUp : otherWakeUp);
                    int thread = configured ? 0 : 1;
                    loneNanos[thread] += inParallel(1, worker -> () -> {
                        recordThroughRest(port, SyntheticDocket.caseId("restalone", thread), first, lonePerRound);
                        return null;
                    });
                }
            }
            wakeUps.wakeUpInterval(configuredWakeUp);
            double restAloneMs = loneNanos[0] / 1e6 / (ROUNDS * lonePerRound);
            double restAloneOtherMs = loneNanos[1] / 1e6 / (ROUNDS * lonePerRound);
            long restStored = 0;
            long restNanos = 0;
            long restWokenStored = 0;
            long restWokenNanos = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int first = 1 + round * (restPerThread / ROUNDS);
                int restCount = round == ROUNDS - 1 ? restPerThread - round * (restPerThread / ROUNDS)
                        : restPerThread / ROUNDS;
                for (boolean configured : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                    wakeUps.wakeUpInterval(configured ? configuredWakeUp : otherWakeUp);
                    String court = configured ? "rest" : "restwoken";
                    long beforeRest = count(jdbc);
                    long nanos = inParallel(THREADS, worker -> () -> {
                        recordThroughRest(port, SyntheticDocket.caseId(court, worker), first, restCount);
                        return null;
                    });
                    if (configured) {
                        restNanos += nanos;
                        restStored += count(jdbc) - beforeRest;
                    } else {
                        restWokenNanos += nanos;
                        restWokenStored += count(jdbc) - beforeRest;
                    }
                }
                wakeUps.wakeUpInterval(configuredWakeUp);
            }
            assertThat(restStored).isEqualTo((long) restPerThread * THREADS);
            assertThat(restWokenStored).isEqualTo((long) restPerThread * THREADS);
            double restWokenPerSecond = BenchResults.perSecond(restWokenStored, restWokenNanos);

            // what would move it: the same filings in units of work of UNIT commands (one transaction each)
            long beforeUnits = count(jdbc);
            int unitsPerThread = perThread / 2;
            long unitNanos = inParallel(THREADS, worker -> () -> {
                recordInUnitsOfWork(writer, gateway, worker, perThread + 1, unitsPerThread);
                return null;
            });
            long inUnits = count(jdbc) - beforeUnits;
            assertThat(inUnits).isEqualTo((long) unitsPerThread * THREADS);

            long limitRows = (long) perThread * THREADS;
            DataSource dataSource = app.getBean(DataSource.class);
            createTwinTable(dataSource);
            long limitCpuBefore = processCpuNanos();
            long limitNanos = rawInserts(dataSource, limitRows, 1, LIMIT_BATCH);
            long limitCpuNanos = processCpuNanos() - limitCpuBefore;
            // what limits it: the same inserts, one row per commit (H2 writes each commit to the file: WRITE_DELAY=0)
            long commitEach = Math.min(limitRows, BenchResults.scaled(5_000, 1_000));
            long commitEachNanos = rawInserts(dataSource, commitEach, limitRows + 1, 1);

            double eventsPerSecond = BenchResults.perSecond(appended, gatewayNanos);
            double restPerSecond = BenchResults.perSecond(restStored, restNanos);
            double limitPerSecond = BenchResults.perSecond(limitRows, limitNanos);
            double unitsPerSecond = BenchResults.perSecond(inUnits, unitNanos);
            double commitEachPerSecond = BenchResults.perSecond(commitEach, commitEachNanos);
            double offPerSecond = BenchResults.perSecond((long) offPerThread * THREADS, offNanos);
            double manyPerSecond = BenchResults.perSecond(manyStored, manyNanos);
            double cpuMsPerFiling = gatewayCpuNanos / 1e6 / appended;
            double limitCpuMsPerRow = limitCpuNanos / 1e6 / limitRows;
            double singleOnMs = singleNanos[0] / 1e6 / (ROUNDS * singleRound);
            double singleOffMs = singleNanos[1] / 1e6 / (ROUNDS * singleRound);
            double singleQuietMs = quietNanos / 1e6 / singleRound;
            double singleQuietCpuMs = quietCpuNanos / 1e6 / singleRound;
            double singleQuietWriterCpuMs = quietWriterCpu[0] / 1e6 / singleRound;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events_per_s", eventsPerSecond);
            figures.put("no_group_commit_events_per_s", offPerSecond);
            figures.put("group_commit_speedup", BenchResults.round(eventsPerSecond / offPerSecond, 3));
            figures.put("group_commit_mean_batch", BenchResults.round(batchesOn == 0 ? 1 : (double) batchedOn / batchesOn, 2));
            figures.put("events_per_s_16_threads", manyPerSecond);
            figures.put("single_writer_ms_per_filing", BenchResults.round(singleOnMs, 3));
            figures.put("single_writer_ms_per_filing_no_group_commit", BenchResults.round(singleOffMs, 3));
            figures.put("single_writer_ratio_on_to_off", BenchResults.round(singleOnMs / singleOffMs, 3));
            figures.put("single_writer_ms_per_filing_processors_stopped", BenchResults.round(singleQuietMs, 3));
            // where a lone writer's time goes: the process's CPU and the writing thread's own, per filing
            figures.put("single_writer_cpu_ms_per_filing_processors_stopped", BenchResults.round(singleQuietCpuMs, 3));
            figures.put("single_writer_thread_cpu_ms_per_filing_processors_stopped",
                    BenchResults.round(singleQuietWriterCpuMs, 3));
            figures.put("rest_filings_per_s", restPerSecond);
            figures.put("limit_rows_per_s", limitPerSecond);
            figures.put("ratio_to_limit", BenchResults.round(eventsPerSecond / limitPerSecond, 4));
            figures.put("rest_ratio_to_limit", BenchResults.round(restPerSecond / limitPerSecond, 4));
            figures.put("cpu_ms_per_filing", BenchResults.round(cpuMsPerFiling, 4));
            figures.put("limit_cpu_ms_per_row", BenchResults.round(limitCpuMsPerRow, 4));
            figures.put("cpu_ratio_limit_row_to_filing", BenchResults.round(limitCpuMsPerRow / cpuMsPerFiling, 4));
            // what the per-transaction costs are paid over: events per transaction of each processor, and the
            // transactions (each a durable commit) per filing of the writers and the processors together
            for (int p = 0; p < PROCESSORS.size(); p++) {
                figures.put(PROCESSORS.get(p).replace('-', '_') + "_events_per_transaction",
                        BenchResults.round(on.eventsPerTransaction(p), 2));
            }
            figures.put("writer_filings_per_transaction",
                    BenchResults.round((double) on.filings() / on.writerCommits(), 2));
            figures.put("transactions_per_filing", BenchResults.round(on.transactionsPerFiling(), 3));
            String wokenKey = "_wake_up_" + otherWakeUp.toMillis() + "ms";
            double wokenPerSecond = BenchResults.perSecond(woken.filings(), woken.nanos());
            figures.put("events_per_s" + wokenKey, wokenPerSecond);
            figures.put("cpu_ms_per_filing" + wokenKey, BenchResults.round(woken.cpuNanos() / 1e6 / woken.filings(), 4));
            figures.put("case_files_events_per_transaction" + wokenKey,
                    BenchResults.round(woken.eventsPerTransaction(0), 2));
            figures.put("transactions_per_filing" + wokenKey, BenchResults.round(woken.transactionsPerFiling(), 3));
            figures.put("rest_filings_per_s" + wokenKey, restWokenPerSecond);
            figures.put("rest_ms_per_filing_one_thread", BenchResults.round(restAloneMs, 3));
            figures.put("rest_ms_per_filing_one_thread" + wokenKey, BenchResults.round(restAloneOtherMs, 3));
            figures.put("wake_up_interval_ms", configuredWakeUp.toMillis());
            figures.put("units_of_work_events_per_s", unitsPerSecond);
            figures.put("limit_one_row_per_commit_rows_per_s", commitEachPerSecond);
            figures.put("ratio_to_one_row_per_commit", BenchResults.round(eventsPerSecond / commitEachPerSecond, 4));
            figures.put("unit_of_work_commands", UNIT);
            figures.put("filings", appended);
            figures.put("rest_filings", restStored);
            figures.put("threads", THREADS);
            figures.put("limit_batch_rows", LIMIT_BATCH);
            figures.put("events_in_store_before", before);
            BenchResults.put("append", figures);
            System.out.println("\nAppend (" + appended + " filings through the gateway, " + restStored
                    + " through REST, " + THREADS + " threads; limit: JDBC batches of " + LIMIT_BATCH + " rows)\n"
                    + BenchResults.row("append.events_per_s", eventsPerSecond, "gateway, group commit")
                    + BenchResults.row("append.no_group_commit_events_per_s", offPerSecond,
                            "gateway, one transaction per filing (alternating with the line above)")
                    + BenchResults.row("append.group_commit_mean_batch", batchesOn == 0 ? 1 : (double) batchedOn / batchesOn,
                            "filings per shared commit (batches of 2 or more)")
                    + BenchResults.row("append.events_per_s_16_threads", manyPerSecond, "gateway, group commit")
                    + BenchResults.row("append.single_writer_ms_per_filing", singleOnMs, "1 thread, group commit")
                    + BenchResults.row("append.single_writer_ms_per_filing_no_group_commit", singleOffMs,
                            "1 thread, without (alternating)")
                    + BenchResults.row("append.single_writer_ms_per_filing_processors_stopped", singleQuietMs,
                            "1 thread, group commit, no projection running beside it")
                    + BenchResults.row("append.single_writer_cpu_ms_per_filing_processors_stopped", singleQuietCpuMs,
                            "process CPU meanwhile")
                    + BenchResults.row("append.single_writer_thread_cpu_ms_per_filing_processors_stopped",
                            singleQuietWriterCpuMs, "the writing thread's own CPU")
                    + BenchResults.row("append.rest_filings_per_s", restPerSecond, "POST /api/cases/{id}/filings")
                    + BenchResults.row("append.limit_rows_per_s", limitPerSecond, "raw JDBC batch inserts")
                    + BenchResults.row("append.ratio_to_limit", eventsPerSecond / limitPerSecond, "target >= 0.5")
                    + BenchResults.row("append.cpu_ms_per_filing", cpuMsPerFiling,
                            "process CPU, 4 threads with group commit, projections included")
                    + BenchResults.row("append.limit_cpu_ms_per_row", limitCpuMsPerRow, "process CPU of the limit")
                    + BenchResults.row("append.case_files_events_per_transaction", on.eventsPerTransaction(0),
                            "4 threads, group commit")
                    + BenchResults.row("append.audit_chain_events_per_transaction", on.eventsPerTransaction(1),
                            "4 threads, group commit")
                    + BenchResults.row("append.transactions_per_filing", on.transactionsPerFiling(),
                            "writers' and processors' commits, 4 threads, group commit")
                    + BenchResults.row("append.events_per_s" + wokenKey, wokenPerSecond,
                            "the same, processors woken at most every " + otherWakeUp.toMillis() + " ms")
                    + BenchResults.row("append.cpu_ms_per_filing" + wokenKey, woken.cpuNanos() / 1e6 / woken.filings(),
                            "(alternating with the line above it)")
                    + BenchResults.row("append.case_files_events_per_transaction" + wokenKey,
                            woken.eventsPerTransaction(0), "")
                    + BenchResults.row("append.rest_filings_per_s" + wokenKey, restWokenPerSecond,
                            "REST, each request waiting for the projections (alternating with rest_filings_per_s)")
                    + BenchResults.row("append.rest_ms_per_filing_one_thread", restAloneMs,
                            "one REST writer: its request, the projections' catching up included")
                    + BenchResults.row("append.rest_ms_per_filing_one_thread" + wokenKey, restAloneOtherMs,
                            "(alternating with the line above)")
                    + BenchResults.row("append.units_of_work_events_per_s", unitsPerSecond,
                            "gateway, " + UNIT + " filings per transaction")
                    + BenchResults.row("append.limit_one_row_per_commit_rows_per_s", commitEachPerSecond,
                            "raw JDBC, one row per commit")
                    + "load average " + BenchResults.loadAverage());
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * CPU time of the whole process (every thread: writers, processors, JIT, collector). Beside the wall-clock rates it
     * says what a filing costs whatever else shares the machine's cores.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void openCase(DocketWriter writer, String court, int number) {
        List<Object> opening = SyntheticDocket.commands(court, number, 4, 10).get(0);
        writer.write(() -> {
            writer.sendAll(opening);
            return null;
        });
    }

    private static void recordThroughGateway(CommandGateway gateway, String court, int number, int firstEntry,
                                             int count) {
        CaseId caseId = new CaseId(SyntheticDocket.caseId(court, number));
        for (int entry = firstEntry; entry < firstEntry + count; entry++) {
            gateway.sendAndWait(new RecordFiling(FilingId.numbered(caseId, entry), caseId, entry,
                    SyntheticDocket.FIRST_DAY.plusDays(entry / 3), false, "Synthetic LLC", FilingType.DECLARATION,
                    "DECLARATION " + entry, "entry " + entry + " of a synthetic docket", 5, null, SOURCE,
                    FilingEffects.NONE));
        }
    }

    private static void recordInUnitsOfWork(DocketWriter writer, CommandGateway gateway, int number, int firstEntry,
                                            int count) {
        // in series: like the one-command writes, these do not wait for the projections after each write
        writer.inSeries(() -> {
            for (int from = 0; from < count; from += UNIT) {
                int size = Math.min(UNIT, count - from);
                int first = firstEntry + from;
                writer.write(() -> {
                    recordThroughGateway(gateway, "gateway", number, first, size);
                    return null;
                });
            }
        }, Duration.ZERO);
    }

    private static void recordThroughRest(int port, String caseId, int firstEntry, int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/filings");
        for (int entry = firstEntry; entry < firstEntry + count; entry++) {
            String body = """
                    {"entryNumber": %d, "dateFiled": "%s", "filedBy": "Synthetic LLC", "type": "DECLARATION",
                     "title": "DECLARATION %d", "description": "entry %d of a synthetic docket", "pageCount": 5,
                     "source": {"citation": "synthetic benchmark data", "verification": "UNVERIFIED"}}"""
                    .formatted(entry, SyntheticDocket.FIRST_DAY.plusDays(entry / 3), entry, entry);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
    }

    /**
     * The limit: the filings' own stored rows (payload, metadata, identifiers of the same length), copied with new
     * identifiers into a twin of the event table, {@value #LIMIT_BATCH} rows per JDBC batch and commit, one thread.
     */
    private static long rawInserts(DataSource dataSource, long rows, long firstIndex, int rowsPerCommit)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> samples = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet stored = query.executeQuery("""
                         select aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp
                         from domain_event_entry where payload_type like '%FilingRecorded' order by global_index
                         limit 1000""")) {
                while (stored.next()) {
                    Object[] row = new Object[9];
                    for (int column = 0; column < 9; column++) {
                        row[column] = stored.getObject(column + 1);
                    }
                    samples.add(row);
                }
            }
            connection.setAutoCommit(false);
            String insert = """
                    insert into bench_limit_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
            long started = System.nanoTime();
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                long last = firstIndex + rows - 1;
                for (long index = firstIndex; index <= last; index++) {
                    Object[] sample = samples.get((int) (index % samples.size()));
                    statement.setLong(1, index);
                    // same lengths as the originals, unique like theirs
                    statement.setString(2, uniqueOfSameLength((String) sample[0], index));
                    statement.setLong(3, (Long) sample[1]);
                    statement.setString(4, (String) sample[2]);
                    statement.setString(5, UUID.randomUUID().toString());
                    statement.setObject(6, sample[4]);
                    statement.setObject(7, sample[5]);
                    statement.setObject(8, sample[6]);
                    statement.setObject(9, sample[7]);
                    statement.setObject(10, sample[8]);
                    statement.addBatch();
                    if ((index - firstIndex + 1) % rowsPerCommit == 0 || index == last) {
                        statement.executeBatch();
                        connection.commit();
                    }
                }
            }
            long nanos = System.nanoTime() - started;
            try (Statement check = connection.createStatement();
                 ResultSet counted = check.executeQuery("select count(*) from bench_limit_event_entry")) {
                counted.next();
                assertThat(counted.getLong(1)).isEqualTo(firstIndex + rows - 1);
            }
            connection.setAutoCommit(true);
            return nanos;
        }
    }

    /** A unique identifier as long as {@code original} (the index, zero-padded). */
    private static String uniqueOfSameLength(String original, long index) {
        return String.format("b%0" + Math.max(original.length() - 1, 12) + "d", index);
    }

    /** The event table's own DDL (H2's SCRIPT), renamed: the same columns, types, keys and constraints. */
    private static void createTwinTable(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            createTwinTable(connection);
        }
    }

    private static void createTwinTable(Connection connection) throws Exception {
        List<String> statements = new ArrayList<>();
        try (Statement script = connection.createStatement();
             ResultSet ddl = script.executeQuery("script nodata table domain_event_entry")) {
            while (ddl.next()) {
                String sql = ddl.getString(1);
                if (sql.contains("DOMAIN_EVENT_ENTRY") && (sql.startsWith("CREATE CACHED TABLE")
                        || sql.startsWith("CREATE MEMORY TABLE") || sql.startsWith("ALTER TABLE")
                        || sql.startsWith("CREATE INDEX") || sql.startsWith("CREATE UNIQUE INDEX"))) {
                    statements.add(sql);
                }
            }
        }
        assertThat(statements).as("the DDL of domain_event_entry").isNotEmpty();
        Pattern constraintName = Pattern.compile("(CONSTRAINT|INDEX) \"PUBLIC\"\\.\"([A-Z0-9_$]+)\"");
        try (Statement create = connection.createStatement()) {
            for (String sql : statements) {
                String twin = sql.replace("\"DOMAIN_EVENT_ENTRY\"", "\"BENCH_LIMIT_EVENT_ENTRY\"");
                Matcher names = constraintName.matcher(twin);
                twin = names.replaceAll(match -> match.group(1) + " \"PUBLIC\".\"BENCH_" + match.group(2) + "\"");
                // the global index's default draws from the event sequence; the twin is given its indexes
                twin = twin.replaceAll("DEFAULT NEXT VALUE FOR \"PUBLIC\"\\.\"[A-Z0-9_]+\"", "");
                create.execute(twin);
            }
        }
    }

    /** What timed parts of 4 writers measured, until the projections had caught up with each. */
    private record Part(long nanos, long cpuNanos, long filings, long writerCommits, long sharedBatches,
                        long batchedFilings, long[] processorBatches, long[] processorEvents) {

        static final Part NONE = new Part(0, 0, 0, 0, 0, 0, new long[PROCESSORS.size()],
                new long[PROCESSORS.size()]);

        Part plus(Part other) {
            long[] batches = processorBatches.clone();
            long[] events = processorEvents.clone();
            for (int p = 0; p < batches.length; p++) {
                batches[p] += other.processorBatches[p];
                events[p] += other.processorEvents[p];
            }
            return new Part(nanos + other.nanos, cpuNanos + other.cpuNanos, filings + other.filings,
                    writerCommits + other.writerCommits, sharedBatches + other.sharedBatches,
                    batchedFilings + other.batchedFilings, batches, events);
        }

        double eventsPerTransaction(int processor) {
            return (double) processorEvents[processor] / Math.max(1, processorBatches[processor]);
        }

        /** The writers' and the processors' transactions, each a durable commit, per filing. */
        double transactionsPerFiling() {
            long transactions = writerCommits;
            for (long batches : processorBatches) {
                transactions += batches;
            }
            return (double) transactions / filings;
        }
    }

    interface Timed {
        long nanos() throws Exception;
    }

    /** One timed part, with the process's CPU, the commits and the processors' transactions until caught up. */
    private static Part measure(GroupCommitCommandBus bus, MeterRegistry meters, JdbcTemplate jdbc,
                                ProjectionCatchUp projections, Timed part) throws Exception {
        GroupCommitStatistics statistics = bus.statistics();
        long batches = statistics.batches();
        long batched = statistics.batchedCommands();
        long alone = statistics.committedAlone();
        long stored = count(jdbc);
        long[] batchesBefore = counts(meters, "tracker.processor.batches");
        long[] eventsBefore = counts(meters, "tracker.processor.events");
        long cpuBefore = processCpuNanos();
        long nanos = part.nanos();
        // the CPU of a filing includes the projections' share of it: counted until they have caught up
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        long cpuNanos = processCpuNanos() - cpuBefore;
        long[] batchesAfter = counts(meters, "tracker.processor.batches");
        long[] eventsAfter = counts(meters, "tracker.processor.events");
        for (int p = 0; p < PROCESSORS.size(); p++) {
            batchesAfter[p] -= batchesBefore[p];
            eventsAfter[p] -= eventsBefore[p];
        }
        return new Part(nanos, cpuNanos, count(jdbc) - stored,
                statistics.batches() - batches + statistics.committedAlone() - alone, statistics.batches() - batches,
                statistics.batchedCommands() - batched, batchesAfter, eventsAfter);
    }

    /** The counter {@code metric} of each of {@link #PROCESSORS}. */
    private static long[] counts(MeterRegistry meters, String metric) {
        long[] counts = new long[PROCESSORS.size()];
        for (int p = 0; p < PROCESSORS.size(); p++) {
            Counter counter = meters.find(metric).tag("processor", PROCESSORS.get(p)).counter();
            counts[p] = counter == null ? 0 : (long) counter.count();
        }
        return counts;
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    interface Worker {
        Callable<Void> task(int worker);
    }

    /** Runs {@code threads} workers at once; the wall-clock time from the first start to the last end. */
    private static long inParallel(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Void>> done = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                done.add(pool.submit(worker.task(n)));
            }
            for (Future<Void> future : done) {
                future.get();
            }
            return System.nanoTime() - started;
        } finally {
            pool.shutdownNow();
        }
    }
}
