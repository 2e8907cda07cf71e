package org.casetracker.app.bulkreplay;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rebuild's reading of stored timestamps gives exactly what Axon's parser gives, for what Axon writes and more. */
class StoredTimestampsTest {

    @Test
    void whatAxonWritesReadsAsAxonReadsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            // 1970 to 2200, at any nanosecond: Axon writes milliseconds
            Instant instant = Instant.ofEpochSecond(random.nextLong(7_258_118_400L), random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        for (String edge : List.of("1970-01-01T00:00:00.000Z", "2000-02-29T23:59:59.999Z", "2026-12-31T00:00:00.001Z")) {
            assertThat(StoredTimestamps.parse(edge)).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @Test
    void otherFormsAreLeftToAxonsParser() {
        for (String other : List.of("2026-12-06T03:54:15Z", "2026-12-06T03:54:15.123456789Z",
                "2026-12-06T05:54:15.123+02:00", "2026-12-06t03:54:15.123z")) {
            assertThat(StoredTimestamps.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
        for (String wrong : List.of("2026-02-30T03:54:15.123Z", "2026-12-06T24:00:00.000Z", "2026-1x-06T03:54:15.123Z")) {
            assertThatThrownBy(() -> StoredTimestamps.parse(wrong)).as(wrong).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(wrong)).as(wrong).isInstanceOf(DateTimeException.class);
        }
    }
}
