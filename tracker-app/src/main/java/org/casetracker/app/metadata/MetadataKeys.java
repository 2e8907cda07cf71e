package org.casetracker.app.metadata;

/**
 * The keys of the metadata every event carries (Axon {@code MetaData}, stored beside the payload, never in it).
 * <ul>
 *     <li>{@link #USER}: who recorded the event ({@code system} for the tracker itself, {@code anonymous} for an
 *     unauthenticated HTTP request until users arrive);</li>
 *     <li>{@link #CORRELATION_ID}: the id of the request that recorded it ({@code X-Correlation-Id});</li>
 *     <li>{@link #REASON}: why the record was fixed (corrections and retractions; the same text as the payload's);</li>
 *     <li>{@link #SOURCE}: where the fact came from, {@code {"citation": …, "verification": …}} (events that have one);</li>
 *     <li>{@link #CAUSATION_ID} and {@link #TRACE_ID}: Axon's message origin (the command that caused the event and
 *     the first message of its chain); Axon calls the former {@code correlationId}, a name this tracker gives to the
 *     request.</li>
 * </ul>
 */
public final class MetadataKeys {

    public static final String USER = "user";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REASON = "reason";
    public static final String SOURCE = "source";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";

    private MetadataKeys() {
    }
}
