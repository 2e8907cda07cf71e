package org.casetracker.app.courtlistener;

import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;

/**
 * Where an imported fact came from: the CourtListener resource it was read from. Always {@code SECONDARY}: a
 * CourtListener entry is a copy of the court's docket made by RECAP users, and the import reads no document, so
 * nothing imported is presented as checked against the court's own record (see ADR 0014). A researcher who has
 * read the document corrects the source to {@code VERIFIED}.
 */
final class CourtListenerSources {

    static final String SITE = "https://www.courtlistener.com";

    private CourtListenerSources() {
    }

    static Source ofDocket(CourtListenerDocket docket) {
        return new Source(docketCitation(docket), Verification.SECONDARY);
    }

    /** The entry's own API resource; else its document's page; else the docket's page with the entry's anchor. */
    static Source ofEntry(CourtListenerDocket docket, CourtListenerEntry entry) {
        if (entry.resourceUri() != null) {
            return new Source(absolute(entry.resourceUri()), Verification.SECONDARY);
        }
        String documentPage = entry.mainDocument().map(CourtListenerDocument::absoluteUrl).orElse(null);
        if (documentPage != null) {
            return new Source(absolute(documentPage), Verification.SECONDARY);
        }
        String where = entry.entryNumber() != null ? "#entry-" + entry.entryNumber()
                : " (entry " + entry.recapSequenceNumber() + ")";
        return new Source(docketCitation(docket) + where, Verification.SECONDARY);
    }

    private static String docketCitation(CourtListenerDocket docket) {
        if (docket.absoluteUrl() != null) {
            return absolute(docket.absoluteUrl());
        }
        if (docket.resourceUri() != null) {
            return absolute(docket.resourceUri());
        }
        return "CourtListener docket " + docket.courtId() + " " + docket.docketNumber();
    }

    /** CourtListener gives {@code absolute_url} as a path on its site. */
    private static String absolute(String url) {
        return url.startsWith("/") ? SITE + url : url;
    }
}
