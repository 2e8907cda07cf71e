package org.casetracker.app.infrastructure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting for a condition by looking again every few milliseconds, up to a deadline. */
public final class Polling {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Polling() {
    }

    /**
     * True once {@code done} holds (looked at every 5 ms); false when {@code max} ran out or the thread was interrupted
     * (its interrupt flag is kept).
     */
    public static boolean until(Duration max, BooleanSupplier done) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
