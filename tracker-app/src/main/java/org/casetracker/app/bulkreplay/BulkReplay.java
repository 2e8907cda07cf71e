package org.casetracker.app.bulkreplay;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Replays the store up to a settled head into a processor's handlers without the processor: Axon's pooled coordinator
 * stops reading whenever a work package holds 1,024 events and looks again 100 ms later, which capped a rebuild near
 * 10,000 events/s whatever the handlers cost (ADR 0021). Here one thread reads pages of the event table and
 * deserializes them ({@link StoredEventPages}) into a small queue, and the calling thread handles them in order, a
 * batch per transaction and unit of work, through the processor's own handler invoker and interceptors, with the
 * tokens its work packages would have given them ({@link SegmentTokens}), storing the tokens with every batch. The
 * processor must be shut down and reset, which leaves its segments claimed by this node.
 */
@Component
public class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);
    /** Pages the reader may hold ready beyond a batch: it reads on while the handler handles and commits one. */
    private static final int PAGES_BEYOND_A_BATCH = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;
    private final int pageSize;
    private final long claimExtensionNanos;

    public BulkReplay(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                      org.axonframework.config.Configuration axon, TokenStore tokenStore,
                      TransactionManager transactions,
                      @Value("${tracker.admin.rebuild-batch-size:5000}") int batchSize,
                      @Value("${tracker.admin.rebuild-page-size:1000}") int pageSize,
                      @Value("${tracker.processing.claim-extension-threshold-ms:2000}") long claimExtensionMs) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = Math.max(1, batchSize);
        this.pageSize = Math.max(1, pageSize);
        this.claimExtensionNanos = Duration.ofMillis(claimExtensionMs).toNanos();
    }

    /** How a bulk replay ended. */
    public enum Outcome {
        /** Every event up to the head handled; the tokens at the head, the claims released. */
        REPLAYED,
        /** The processor has no tokens (it never started): nothing done, it replays by itself once started. */
        NO_TOKENS,
        /** Asked to stop (the application is closing): the tokens as last committed, the claims released. */
        STOPPED
    }

    /**
     * Replays every event up to {@code head} into {@code processor}'s handlers, then stores a token at {@code head}
     * for every segment and releases the claims: started, the processor goes on after {@code head}. Stopped or failed
     * ({@link BulkReplayFailed}), the tokens stay as last committed (replay tokens: a started processor replays the
     * rest itself) and the claims are released. {@code stopping} is asked between batches: a thread is never
     * interrupted in the middle of a database call.
     */
    public Outcome replay(AbstractEventProcessor processor, long head, BulkProgress progress,
                          BooleanSupplier stopping) {
        String name = processor.getName();
        SegmentTokens tokens = transactions.fetchInTransaction(() -> SegmentTokens.claimed(tokenStore, name));
        if (tokens.count() == 0) {
            return Outcome.NO_TOKENS;
        }
        boolean replayed;
        try {
            replayed = new Run(processor, tokens, head, progress, stopping).replay();
        } catch (RuntimeException e) {
            try {
                transactions.executeInTransaction(tokens::release);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        if (!replayed) {
            transactions.executeInTransaction(tokens::release);
            return Outcome.STOPPED;
        }
        transactions.executeInTransaction(() -> tokens.finish(atIndex(head)));
        return Outcome.REPLAYED;
    }

    private static TrackingToken atIndex(long index) {
        return index < 0 ? null : GapAwareTrackingToken.newInstance(index, Collections.emptySet());
    }

    /** What the reading thread hands over: a page, the end (no page), or its failure. */
    private record Delivery(StoredEventPages.Page page, RuntimeException failure) {
        static final Delivery END = new Delivery(null, null);
    }

    /** One replay: the reading thread, the queue, and the handling on the caller's thread. */
    private final class Run {

        private final AbstractEventProcessor processor;
        private final EventHandlerInvoker invoker;
        private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
        private final SegmentTokens tokens;
        private final long head;
        private final BulkProgress progress;
        private final BooleanSupplier stopping;
        private volatile boolean ended;
        private final BlockingQueue<Delivery> queue;
        private long done;
        private long claimsExtendedAt = System.nanoTime();

        Run(AbstractEventProcessor processor, SegmentTokens tokens, long head, BulkProgress progress,
            BooleanSupplier stopping) {
            this.stopping = stopping;
            // room for a whole batch and more: with less the reader stopped while a batch was handled and committed,
            // and the handler then waited for the reader to fill the next one
            this.queue = new ArrayBlockingQueue<>((batchSize + pageSize - 1) / pageSize + PAGES_BEYOND_A_BATCH);
            this.processor = processor;
            this.invoker = processor.eventHandlerInvoker();
            this.interceptors = processor.getHandlerInterceptors();
            this.tokens = tokens;
            this.head = head;
            this.progress = progress;
        }

        /** True when every event up to the head was handled, false when asked to stop first. */
        boolean replay() {
            StoredEventPages pages = new StoredEventPages(jdbc, serializer, axon.upcasterChain(), this::segmentOf,
                    pageSize);
            Thread reader = new Thread(() -> read(pages), "projection-rebuild-reader-" + processor.getName());
            reader.setDaemon(true);
            reader.start();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            try {
                return handleAll();
            } finally {
                ended = true; // the reader stops at its next hand-over; never interrupted inside a query
                progress.handlingCpu(THREADS.getCurrentThreadCpuTime() - cpuBefore);
                joinQuietly(reader);
            }
        }

        private static void joinQuietly(Thread reader) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read(StoredEventPages pages) {
            try {
                readPages(pages);
            } finally {
                progress.readingCpu(THREADS.getCurrentThreadCpuTime());
            }
        }

        private void readPages(StoredEventPages pages) {
            try {
                long after = -1;
                for (StoredEventPages.Page page = pages.page(after, head); page != null;
                     page = pages.page(after, head)) {
                    if (!handOver(new Delivery(page, null))) {
                        return;
                    }
                    after = page.lastRow();
                }
                handOver(Delivery.END);
            } catch (RuntimeException | Error e) {
                queue.clear(); // make room: the handler must learn of it
                queue.offer(new Delivery(null, e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("the bulk replay's reading thread failed", e)));
            }
        }

        private boolean handOver(Delivery delivery) {
            try {
                while (!ended) {
                    if (queue.offer(delivery, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private boolean handleAll() {
            List<ReplayedEvent> batch = new ArrayList<>(batchSize);
            while (true) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                Delivery delivery = poll();
                if (delivery == null) {
                    extendClaimsIfDue();
                    continue;
                }
                if (delivery.failure() != null) {
                    throw delivery.failure();
                }
                if (delivery.page() == null) {
                    break;
                }
                for (ReplayedEvent event : delivery.page().events()) {
                    batch.add(event);
                    if (batch.size() == batchSize) {
                        handle(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
            }
            if (!batch.isEmpty()) {
                handle(batch);
            }
            return true;
        }

        private Delivery poll() {
            try {
                return queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the store to be read", e);
            }
        }

        /** The segment whose handlers take the event; -1 when none does (it only moves the tokens on). */
        private int segmentOf(TrackedEventMessage<?> message) {
            for (int i = 0; i < tokens.count(); i++) {
                if (invoker.canHandle(message, tokens.segment(i))) {
                    return i;
                }
            }
            return -1;
        }

        /** One batch: one unit of work and transaction, its tokens stored as it prepares to commit, as Axon does. */
        private void handle(List<ReplayedEvent> batch) {
            List<TrackedEventMessage<?>> messages = new ArrayList<>(batch.size());
            Map<EventMessage<?>, ReplayedEvent> events = new IdentityHashMap<>();
            for (ReplayedEvent event : batch) {
                if (event.segment() >= 0) {
                    TrackedEventMessage<?> message = event.message()
                            .withTrackingToken(tokens.advance(event.segment(), event.message().trackingToken()));
                    messages.add(message);
                    events.put(message, event);
                }
            }
            ReplayedEvent last = batch.get(batch.size() - 1);
            TrackingToken lastToken = last.message().trackingToken();
            if (messages.isEmpty()) {
                transactions.executeInTransaction(() -> tokens.store(lastToken));
            } else {
                BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
                unitOfWork.attachTransaction(transactions);
                unitOfWork.onPrepareCommit(committing -> tokens.store(lastToken));
                ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                    ReplayedEvent event = events.get(unitOfWork.getMessage());
                    progress.handling(event.index());
                    Segment segment = tokens.segment(event.segment());
                    return new DefaultInterceptorChain<>(unitOfWork, interceptors, message -> {
                        invoker.handle(message, segment);
                        return null;
                    }).proceed();
                }, RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    throw new BulkReplayFailed(processor.getName(), last.index(), result.exceptionResult());
                }
            }
            done += batch.size();
            claimsExtendedAt = System.nanoTime();
            progress.committed(last.index(), done);
        }

        private void extendClaimsIfDue() {
            if (System.nanoTime() - claimsExtendedAt >= claimExtensionNanos) {
                transactions.executeInTransaction(tokens::extendClaims);
                claimsExtendedAt = System.nanoTime();
                log.debug("Rebuild of {}: waiting for the store to be read; claims extended", processor.getName());
            }
        }
    }
}
