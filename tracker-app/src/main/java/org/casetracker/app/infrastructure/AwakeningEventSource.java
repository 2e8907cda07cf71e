package org.casetracker.app.infrastructure;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the pooled processors read it, plus a wake-up call. Streams of Axon's embedded event store
 * offer no "events available" callback, so a pooled processor polls them every 500 ms: every read-your-writes
 * would wait up to half a second. Here one daemon thread tails the store and wakes the processors as soon as new
 * events are committed (by this node, or found by the store's own polling of the database).
 */
public class AwakeningEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(AwakeningEventSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private volatile long wakeUpIntervalNanos;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean stopped;

    public AwakeningEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this(store, Duration.ZERO);
    }

    /**
     * {@code wakeUpInterval}: the processors are woken at most once per this interval. A commit after a quiet spell
     * wakes them at once; commits that follow within the interval wait for its end and wake them together, so that
     * under load a processor handles several commits in one transaction of its own (ADR 0025). Zero: every commit
     * wakes them.
     */
    public AwakeningEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration wakeUpInterval) {
        this.store = store;
        this.wakeUpIntervalNanos = wakeUpInterval.toNanos();
    }

    /** Changes the interval from the next wake-up on (the benchmark measures several in one run). */
    public void wakeUpInterval(Duration interval) {
        this.wakeUpIntervalNanos = interval.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startWatcher();
        return new AwakenedStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        // with the processors, before the event store itself shuts down
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::stop);
    }

    private synchronized void startWatcher() {
        if (watcher == null && !stopped) {
            watcher = new Thread(this::watch, "AwakeningEventSource");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** How many open streams wait to be woken: one per running processor (and segment reader). */
    int listeningStreams() {
        return callbacks.size();
    }

    synchronized void stop() {
        stopped = true;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    private void watch() {
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> tail = store.openStream(store.createHeadToken())) {
                long lastWake = System.nanoTime() - TimeUnit.HOURS.toNanos(1); // long ago
                while (!stopped) {
                    if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        long early = lastWake + wakeUpIntervalNanos - System.nanoTime();
                        if (early > 0) {
                            TimeUnit.NANOSECONDS.sleep(early); // the commits meanwhile wake them with this one
                        }
                        do {
                            tail.nextAvailable();
                        } while (tail.hasNextAvailable());
                        lastWake = System.nanoTime();
                        callbacks.forEach(AwakeningEventSource::wake);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                // processors still poll every 500 ms meanwhile; try again shortly
                log.warn("Tailing the event store failed; retrying in 1 s", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static void wake(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // e.g. a processor that is stopping; it polls again or closes its stream
            log.debug("A processor could not be woken", e);
        }
    }

    /** The store's own stream; only the availability callback is added. */
    private final class AwakenedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        AwakenedStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
