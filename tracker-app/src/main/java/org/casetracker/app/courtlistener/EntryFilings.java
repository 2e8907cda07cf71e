package org.casetracker.app.courtlistener;

import org.casetracker.app.recordfiling.RecordFilingRequest;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Slugs;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CourtListener docket entry as the tracker records it: one filing, its docket text as the description, its
 * type inferred from that text (and said so), its attachments listed on it rather than recorded as entries of
 * their own (on PACER an attachment is part of its entry's row).
 */
final class EntryFilings {

    static final int MAX_TITLE = 160;
    /** Leaves room in the tracker's 20,000 characters for the import's note and the list of attachments. */
    static final int MAX_DOCKET_TEXT = 18_000;
    private static final int MAX_LISTED_ATTACHMENTS = 50;
    private static final Set<FilingType> BY_THE_COURT = Set.of(FilingType.ORDER, FilingType.MINUTE_ENTRY,
            FilingType.HEARING, FilingType.JUDGMENT);
    private static final Pattern FILED_BY = Pattern.compile("\\b(?:filed )?by ((?:plaintiffs?|defendants?|"
            + "petitioners?|respondents?|intervenors?|movants?|amicus|amici|interested part(?:y|ies))\\b[^.;(]{1,200})",
            Pattern.CASE_INSENSITIVE);

    private EntryFilings() {
    }

    /**
     * The id that recognises the entry on every import: {@code {caseId}-dkt-{n}} for a numbered entry (as any
     * numbered entry recorded by hand), {@code {caseId}-cl-{recap_sequence_number}} for an unnumbered one.
     */
    static FilingId idOf(CaseId caseId, CourtListenerEntry entry) {
        if (entry.entryNumber() != null) {
            return FilingId.numbered(caseId, entry.entryNumber().intValue());
        }
        return new FilingId(caseId.value() + "-cl-" + Slugs.slug(entry.recapSequenceNumber()));
    }

    static RecordFilingRequest request(CourtListenerDocket docket, CourtListenerEntry entry, FilingType type) {
        Integer pageCount = entry.mainDocument().map(CourtListenerDocument::pageCount)
                .filter(pages -> pages >= 1 && pages <= 100_000).map(Long::intValue).orElse(null);
        Integer entryNumber = entry.entryNumber() == null ? null : entry.entryNumber().intValue();
        return new RecordFilingRequest(entryNumber, entry.dateFiled(), false, filedBy(entry.description(), type),
                type, title(entry), description(entry, type), pageCount, List.of(),
                CourtListenerSources.ofEntry(docket, entry), null);
    }

    /** The docket text's first words, cut at a word; or the document's short description; or the entry's name. */
    static String title(CourtListenerEntry entry) {
        String text = entry.description() != null ? entry.description()
                : entry.mainDocument().map(CourtListenerDocument::description).orElse(null);
        if (text == null) {
            return entry.entryNumber() != null ? "Docket entry " + entry.entryNumber()
                    : "Unnumbered docket entry " + entry.recapSequenceNumber();
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= MAX_TITLE) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', MAX_TITLE - 1);
        return oneLine.substring(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE - 1) + "…";
    }

    /** The court for the court's own entries; else the party the docket text names after "by"; else not stated. */
    static String filedBy(String docketText, FilingType type) {
        if (BY_THE_COURT.contains(type)) {
            return "Court";
        }
        if (docketText != null) {
            Matcher matcher = FILED_BY.matcher(docketText);
            if (matcher.find()) {
                return matcher.group(1).strip();
            }
        }
        return "Not stated on the CourtListener entry";
    }

    static String description(CourtListenerEntry entry, FilingType type) {
        StringBuilder text = new StringBuilder();
        if (entry.description() != null) {
            text.append(entry.description()).append("\n\n");
        }
        text.append("[Imported from CourtListener. Type ").append(type)
                .append(" inferred from the docket text, not read from the document.");
        entry.mainDocument().map(CourtListenerDocument::documentNumber)
                .ifPresent(number -> text.append(" Document number ").append(number).append('.'));
        text.append(']');
        List<CourtListenerDocument> attachments = entry.attachments();
        if (!attachments.isEmpty()) {
            text.append("\nAttachments:");
            attachments.stream().limit(MAX_LISTED_ATTACHMENTS).forEach(attachment -> text.append("\n- ")
                    .append(attachment(attachment)));
            if (attachments.size() > MAX_LISTED_ATTACHMENTS) {
                text.append("\n- and ").append(attachments.size() - MAX_LISTED_ATTACHMENTS).append(" more");
            }
        }
        return text.toString();
    }

    private static String attachment(CourtListenerDocument attachment) {
        StringBuilder line = new StringBuilder("#");
        line.append(attachment.attachmentNumber() == null ? "?" : attachment.attachmentNumber());
        if (attachment.description() != null) {
            line.append(' ').append(attachment.description().length() > 300
                    ? attachment.description().substring(0, 300) + "…" : attachment.description());
        }
        if (attachment.pageCount() != null) {
            line.append(" (").append(attachment.pageCount()).append(" pages)");
        }
        if (attachment.absoluteUrl() != null) {
            line.append(' ').append(attachment.absoluteUrl().startsWith("/")
                    ? CourtListenerSources.SITE + attachment.absoluteUrl() : attachment.absoluteUrl());
        }
        return line.toString();
    }
}
