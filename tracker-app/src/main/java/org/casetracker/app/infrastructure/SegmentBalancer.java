package org.casetracker.app.infrastructure;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the processors' segments over the nodes sharing the store. A pooled processor claims every free segment it
 * can, so the first node to start takes them all and a node that joins later would get none. Every
 * {@code tracker.processing.balance-interval} each node says it is alive (table {@code processor_node}, by the
 * database's clock) and counts the nodes seen within the claim timeout; a node holding more than its share
 * (segments / nodes, rounded up) of a processor releases one segment, which a node with fewer claims next. A node
 * that dies stops being seen, and its segments are claimed by the others once its claims time out.
 */
@Component
public class SegmentBalancer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Duration nodeTimeout;
    private final String nodeId;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                           @Value("${tracker.processing.balance-interval:2s}") Duration interval,
                           @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration nodeTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = interval;
        this.nodeTimeout = nodeTimeout;
        this.nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (DataAccessException | IllegalStateException e) {
            log.debug("Balancing the segments failed this time", e);
        }
    }

    /** One round: say this node is alive, then release a segment of every processor that holds more than its share. */
    void balance() {
        heartbeat();
        long nodes = Math.max(1, liveNodes());
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                releaseAboveShare(streaming, nodes);
            }
        }
    }

    private void releaseAboveShare(StreamingEventProcessor processor, long nodes) {
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, processor.getName());
        int claimed = processor.processingStatus().size();
        long share = (segments + nodes - 1) / nodes;
        if (segments > 1 && claimed > share) {
            int release = processor.processingStatus().keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
            log.info("Processor {}: {} of {} segments claimed here, {} nodes: releasing segment {}",
                    processor.getName(), claimed, segments, nodes, release);
            processor.releaseSegment(release);
        }
    }

    private void heartbeat() {
        if (jdbc.update("update processor_node set seen_at = current_timestamp where node_id = ?", nodeId) == 0) {
            try {
                jdbc.update("insert into processor_node (node_id, seen_at) values (?, current_timestamp)", nodeId);
            } catch (DataIntegrityViolationException insertedMeanwhile) {
                // cannot happen for our own id, but harmless
            }
        }
    }

    private long liveNodes() {
        // nodes not seen for a while are gone; their rows are removed so the table stays small
        long timeoutSeconds = Math.max(1, nodeTimeout.toSeconds());
        jdbc.update("delete from processor_node where seen_at < current_timestamp - " + intervalLiteral(5 * timeoutSeconds));
        return jdbc.queryForObject("select count(*) from processor_node where seen_at >= current_timestamp - "
                + intervalLiteral(timeoutSeconds), Long.class);
    }

    /** An interval both H2 and PostgreSQL understand. */
    private static String intervalLiteral(long seconds) {
        return "interval '" + seconds + "' second";
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        try {
            jdbc.update("delete from processor_node where node_id = ?", nodeId); // gone now, not after a timeout
        } catch (DataAccessException closing) {
            log.debug("Could not remove this node's row", closing);
        }
    }
}
