package org.casetracker.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.casetracker.app.audit.AuditChainProjection;
import org.casetracker.app.audit.SettledHead;
import org.casetracker.app.audit.StoredEvents;
import org.casetracker.app.bulkreplay.BulkProgress;
import org.casetracker.app.bulkreplay.BulkReplay;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the projections: every streaming processor that supports a reset is shut down and reset (its
 * {@code @ResetHandler}s run, its tokens become replay tokens from the start of the store, claimed by this node); then,
 * in the background, the store up to its settled head is replayed into the processor's handlers by a
 * {@link BulkReplay} of its own, not by the processor, whose coordinator reads no faster than about 1,024 events per
 * 100 ms (ADR 0021); the processor gets a token at that head and is started, and goes on with the events appended
 * meanwhile. Should the bulk replay fail, the processor is started on the replay tokens it left and replays the rest
 * itself, as after a crash. The hash chain's processor is never among them: it cannot be reset, and its links are only
 * ever appended (see {@link AuditChainProjection}). Reads keep answering meanwhile: the case-file projection rewrites
 * its rows in place. Progress is shown by {@link #view()} and logged every few seconds.
 */
@Service
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /**
     * One processor's rebuild: when it started, the bulk replay's progress while it runs ({@code inBulk}), when the
     * processor, started again, held its segments past the replay.
     */
    private static final class Run {
        final Instant startedAt = Instant.now();
        final long startedNanos = System.nanoTime();
        final BulkProgress bulk = new BulkProgress();
        volatile boolean inBulk = true;
        volatile Long finishedNanos;
        volatile Instant finishedAt;
        volatile long doneAtFinish;
    }

    private final EventProcessingConfiguration processing;
    private final BulkReplay bulkReplay;
    private final SettledHead settledHead;
    private final StoredEvents events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Duration logEvery;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** Per processor, the last position whose events were counted and their count: {position, count}. */
    private final Map<String, long[]> counted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService progressLog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService replaying = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> logging;
    private volatile Instant lastStartedAt;
    private volatile boolean closing;

    public ProjectionRebuilds(EventProcessingConfiguration processing, BulkReplay bulkReplay, SettledHead settledHead,
                              StoredEvents events, TokenStore tokens, TransactionManager transactions,
                              @Value("${tracker.admin.rebuild-progress-log-interval:2s}") Duration logEvery) {
        this.processing = processing;
        this.bulkReplay = bulkReplay;
        this.settledHead = settledHead;
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.logEvery = logEvery;
    }

    /**
     * Starts a rebuild of every rebuildable projection: shut down and reset at once, so that a failure to reset is
     * the request's; the replay runs in the background.
     */
    public synchronized ProjectionsView rebuild() {
        if (rebuilding()) {
            throw DocketRuleViolation.conflict("rebuild", "a rebuild is already running; follow it at GET "
                    + "/api/admin/projections");
        }
        List<StreamingEventProcessor> targets = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (rebuildable(name, processor)) {
                targets.add((StreamingEventProcessor) processor);
            }
        });
        runs.clear();
        lastStartedAt = Instant.now();
        for (StreamingEventProcessor processor : targets) {
            counted.remove(processor.getName()); // seeded again by the bulk replay; the others keep counting on
            log.info("Rebuild of projection {}: shutting down, resetting, replaying {} events",
                    processor.getName(), events.countEvents());
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (RuntimeException e) {
                processor.start(); // not reset (a segment claimed elsewhere?): it goes on as it was
                throw e;
            }
            runs.put(processor.getName(), new Run());
        }
        replaying.execute(() -> targets.forEach(this::replay));
        startLogging();
        return view();
    }

    /**
     * The bulk replay up to the store's settled head, then the processor started at that head; after a failure,
     * started on the replay tokens left, to replay the rest itself. Not started when the application is closing.
     */
    private void replay(StreamingEventProcessor processor) {
        String name = processor.getName();
        Run run = runs.get(name);
        try {
            if (processor instanceof AbstractEventProcessor replayable) {
                long head = settledHead.read();
                BulkReplay.Outcome outcome = bulkReplay.replay(replayable, head, run.bulk, () -> closing);
                BulkProgress.Committed last = run.bulk.last();
                log.info("Rebuild of projection {}: bulk replay {} at global index {} of {}, {} events in {} ms"
                                + " (CPU: handling {} ms, reading {} ms)", name, outcome, last.position(), head,
                        last.done(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startedNanos),
                        TimeUnit.NANOSECONDS.toMillis(run.bulk.handlingCpuNanos()),
                        TimeUnit.NANOSECONDS.toMillis(run.bulk.readingCpuNanos()));
            }
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {}: the bulk replay failed; the processor replays the rest itself",
                    name, e);
        } finally {
            BulkProgress.Committed last = run.bulk.last();
            if (last.position() >= 0) {
                counted.put(name, new long[]{last.position(), last.done()}); // counting goes on from there
            }
            run.inBulk = false;
            if (!closing) {
                processor.start(); // whatever happened: at the head, or on the replay tokens left
            }
        }
    }

    /**
     * How far a processor has replayed, without counting anything: the event the bulk replay is handling (its batch
     * not yet committed), or the processor's own lowest position; empty before either has one. For callers that poll
     * often to time a stretch of the store (the benchmark).
     */
    public OptionalLong position(String processorName) {
        Run run = runs.get(processorName);
        if (run != null && run.inBulk) {
            long position = run.bulk.handlingPosition();
            return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
        }
        EventProcessor processor = processing.eventProcessors().get(processorName);
        Long position = processor instanceof StreamingEventProcessor streaming
                ? position(streaming.processingStatus()) : null;
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The bulk replay of the last rebuild of this processor; empty if none since the start. */
    public Optional<BulkProgress> lastBulkReplay(String processorName) {
        return Optional.ofNullable(runs.get(processorName)).map(run -> run.bulk);
    }

    /** True while the bulk replay of a rebuild feeds this processor's handlers (the processor itself is stopped). */
    public boolean replayingInBulk(String processorName) {
        Run run = runs.get(processorName);
        return run != null && run.inBulk;
    }

    public ProjectionsView view() {
        long total = events.countEvents();
        List<ProcessorProgress> progress = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                progress.add(progress(name, streaming, total));
            }
        });
        Instant finished = rebuilding() || runs.isEmpty() ? null : runs.values().stream()
                .map(run -> run.finishedAt).max(Instant::compareTo).orElse(null);
        return new ProjectionsView(rebuilding(), lastStartedAt, finished, progress);
    }

    /** A rebuild runs: its bulk replay, or its processor not yet holding its segments past the replay. */
    public boolean rebuilding() {
        refreshRuns();
        return runs.values().stream().anyMatch(run -> run.finishedNanos == null);
    }

    private ProcessorProgress progress(String name, StreamingEventProcessor processor, long total) {
        Run run = runs.get(name);
        if (run != null && run.inBulk) {
            return bulkProgress(name, processor, total, run);
        }
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        Long position = position(statuses);
        long[] last = counted.get(name);
        if (position == null && run != null && last != null) {
            position = last[0]; // started again, its segments not claimed yet: where the bulk replay left it
        }
        long done = position == null ? 0 : eventsUpTo(name, position);
        // a rebuild that has not claimed its segment yet is replaying too
        boolean replaying = statuses.values().stream().anyMatch(ProjectionRebuilds::replaying)
                || (run != null && run.finishedNanos == null);
        Double rate = null;
        Double eta = done >= total ? 0.0 : null;
        if (run != null) {
            long end = run.finishedNanos == null ? System.nanoTime() : run.finishedNanos;
            double seconds = Math.max((end - run.startedNanos) / 1e9, 1e-3);
            rate = (run.finishedNanos == null ? done : run.doneAtFinish) / seconds;
            if (replaying && rate > 0) {
                eta = Math.max(total - done, 0) / rate;
            }
        }
        return new ProcessorProgress(name, processor.isRunning(), replaying, rebuildable(name, processor), position,
                done, total, rate, eta);
    }

    /** During the bulk replay: its own count, no query of the store's events but the total. */
    private ProcessorProgress bulkProgress(String name, StreamingEventProcessor processor, long total, Run run) {
        BulkProgress.Committed last = run.bulk.last();
        double seconds = Math.max((System.nanoTime() - run.startedNanos) / 1e9, 1e-3);
        double rate = last.done() / seconds;
        Double eta = rate > 0 ? Math.max(total - last.done(), 0) / rate : null;
        return new ProcessorProgress(name, processor.isRunning(), true, rebuildable(name, processor),
                last.position() < 0 ? null : last.position(), last.done(), total, rate, eta);
    }

    /**
     * A run ends once its processor, started again after the bulk replay, holds its segments and no segment replays
     * any more.
     */
    private void refreshRuns() {
        runs.forEach((name, run) -> {
            if (run.finishedNanos != null || run.inBulk) {
                return;
            }
            EventProcessor processor = processing.eventProcessors().get(name);
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<Integer, EventTrackerStatus> statuses = streaming.processingStatus();
            // every segment claimed again and none replaying: with several segments, the first ones claimed after
            // the reset can be caught up while the others have not started
            if (statuses.size() == segmentCount(name)
                    && statuses.values().stream().noneMatch(ProjectionRebuilds::replaying)) {
                Long position = position(statuses);
                run.doneAtFinish = position == null ? 0 : eventsUpTo(name, position);
                run.finishedAt = Instant.now();
                run.finishedNanos = System.nanoTime();
                log.info("Rebuild of projection {} finished: {} events replayed in {} ms", name, run.doneAtFinish,
                        TimeUnit.NANOSECONDS.toMillis(run.finishedNanos - run.startedNanos));
            }
        });
    }

    /**
     * The events up to a processor's position, counted only from where the last count of that processor stopped:
     * the progress is logged every few seconds during a rebuild, and counting from the start of the store each time
     * took as much of the machine as the replay itself (docs/performance.md).
     */
    private long eventsUpTo(String processorName, long position) {
        long[] last = counted.get(processorName);
        long count = last != null && last[0] <= position
                ? last[1] + events.countEventsBetween(last[0], position)
                : events.countEventsUpTo(position); // first count, or the processor was reset
        counted.put(processorName, new long[]{position, count});
        return count;
    }

    private int segmentCount(String processorName) {
        return transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName)).length;
    }

    /**
     * Replaying until caught up with the store. (Axon keeps a replay token until an event after the reset position
     * arrives, so "replay" alone would last until the next write.)
     */
    private static boolean replaying(EventTrackerStatus status) {
        return status.isReplaying() && !status.isCaughtUp();
    }

    private static Long position(Map<Integer, EventTrackerStatus> statuses) {
        Long lowest = null;
        for (EventTrackerStatus status : statuses.values()) {
            OptionalLong current = status.getCurrentPosition();
            if (current.isPresent() && (lowest == null || current.getAsLong() < lowest)) {
                lowest = current.getAsLong();
            }
        }
        return lowest;
    }

    private static boolean rebuildable(String name, EventProcessor processor) {
        return processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()
                && !AuditChainProjection.PROCESSING_GROUP.equals(name);
    }

    private synchronized void startLogging() {
        if (logging == null || logging.isDone()) {
            long millis = Math.max(logEvery.toMillis(), 100);
            logging = progressLog.scheduleAtFixedRate(this::logProgress, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void logProgress() {
        try {
            ProjectionsView view = view();
            for (ProcessorProgress processor : view.processors()) {
                if (processor.replaying()) {
                    log.info("Rebuild of projection {}: {}/{} events, {} events/s, about {} s left", processor.name(),
                            processor.eventsDone(), processor.eventsTotal(), round(processor.eventsPerSecond()),
                            round(processor.etaSeconds()));
                }
            }
            if (!view.rebuilding()) {
                logging.cancel(false);
            }
        } catch (RuntimeException e) {
            log.warn("Could not report the rebuild's progress", e);
        }
    }

    private static String round(Double value) {
        return value == null ? "?" : String.format("%.1f", value);
    }

    /**
     * Before Axon stops its processors: a bulk replay stops after its current batch and releases its claims, and its
     * processor is not started; started again, the application replays the rest from the replay tokens left.
     */
    @EventListener(ContextClosedEvent.class)
    void close() throws InterruptedException {
        closing = true;
        replaying.shutdown();
        if (!replaying.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("A projection rebuild did not stop within 30 s");
        }
    }

    @Override
    public void destroy() {
        progressLog.shutdownNow();
        replaying.shutdownNow();
    }
}
