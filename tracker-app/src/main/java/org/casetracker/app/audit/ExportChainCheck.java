package org.casetracker.app.audit;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Verifies an export from its lines alone: recomputes the chain from genesis in line order and compares every
 * line's stated hash. Needs no database; used by {@link ExportVerifier} and, before anything is written, by the
 * import. Reads one line at a time.
 */
public final class ExportChainCheck {

    /**
     * The verdict on an export.
     *
     * @param valid         every line is well formed, global indexes increase, every hash matches
     * @param eventsChecked lines recomputed and compared, up to and including the first broken one
     * @param headHash      the hash on the last event line (the head the export states); genesis when there is none
     * @param headPosition  the global index on the last event line; null when there is none
     * @param firstBrokenAt the global index of the first line that does not verify (null when valid, or when that
     *                      line is too malformed to have one)
     * @param problem       what is wrong at that line; null when valid
     */
    public record Verdict(boolean valid, long eventsChecked, String headHash, Long headPosition, Long firstBrokenAt,
                          String problem) {
    }

    private String previous = HashChain.GENESIS;
    private long checked;
    private long lineNumber;
    private Long lastIndex;
    private String headHash = HashChain.GENESIS;
    private Long headPosition;
    private boolean broken;
    private Long firstBrokenAt;
    private String problem;

    /** Checks every line of {@code lines}. */
    public static Verdict verify(BufferedReader lines) throws IOException {
        ExportChainCheck check = new ExportChainCheck();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            check.accept(line);
        }
        return check.verdict();
    }

    /**
     * Takes the next line. Blank lines are ignored. After the first break, lines are only read for the head the
     * export states.
     *
     * @return the event when the chain holds up to and including it; null otherwise
     */
    public ExportedEvent accept(String line) {
        lineNumber++;
        if (line.isBlank()) {
            return null;
        }
        ExportedEvent event;
        try {
            event = ExportedEvent.parse(line);
        } catch (MalformedLine malformed) {
            breakAt(malformed.globalIndex(), malformed.getMessage());
            return null;
        }
        headHash = event.hash();
        headPosition = event.globalIndex();
        if (broken) {
            return null;
        }
        checked++;
        if (lastIndex != null && event.globalIndex() <= lastIndex) {
            breakAt(event.globalIndex(), "global index " + event.globalIndex() + " does not follow " + lastIndex);
            return null;
        }
        String recomputed = HashChain.next(previous, event.canonicalBytes());
        if (!recomputed.equals(event.hash())) {
            breakAt(event.globalIndex(), "the hash of event " + event.globalIndex()
                    + " does not match its content and the events before it");
            return null;
        }
        previous = recomputed;
        lastIndex = event.globalIndex();
        return event;
    }

    public boolean broken() {
        return broken;
    }

    public Verdict verdict() {
        return new Verdict(!broken, checked, headHash, headPosition, firstBrokenAt, problem);
    }

    private void breakAt(Long globalIndex, String what) {
        if (!broken) {
            broken = true;
            firstBrokenAt = globalIndex;
            problem = "line " + lineNumber + ": " + what;
        }
    }
}
