package org.casetracker.app.casefile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The metric {@code tracker.casefile.index.rows} (tag {@code write}: {@code inserted}, {@code updated},
 * {@code unchanged}): what {@link CaseEventIndex} did with each index row of the batches it wrote. A rebuild of an
 * intact projection only finds its rows unchanged; a count of updates says how many rows it repaired.
 */
@Component
class IndexWrites {

    static final String METRIC = "tracker.casefile.index.rows";

    private final Counter inserted;
    private final Counter updated;
    private final Counter unchanged;

    IndexWrites(MeterRegistry registry) {
        this.inserted = counter(registry, "inserted");
        this.updated = counter(registry, "updated");
        this.unchanged = counter(registry, "unchanged");
    }

    private static Counter counter(MeterRegistry registry, String write) {
        return Counter.builder(METRIC).tag("write", write).baseUnit("rows")
                .description("index rows of the case-file projection, by what its batches did with them")
                .register(registry);
    }

    void count(long insertedRows, long updatedRows, long unchangedRows) {
        inserted.increment(insertedRows);
        updated.increment(updatedRows);
        unchanged.increment(unchangedRows);
    }
}
