package org.casetracker.domain.casefile;

import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as it stood on a legal date, as the record knew it at an instant: the header, its claims and
 * its docket. Produced only by {@link CaseFileFold}, for the live projection and for as-of reads alike.
 * {@code lastPosition} and {@code lastLegalDate} are those of the last event folded in.
 */
public record CaseFile(CaseId id, String court, String courtName, String docketNumber, String caption,
                       LocalDate filedOn, String judge, List<Party> parties, Source source, CaseStatus status,
                       Disposition disposition, StatusChange lastStatusChange, List<RelatedCase> relatedCases,
                       List<ClaimView> claims, List<DocketEntry> docket, LocalDate asOf, Instant knownAt,
                       long lastPosition, LocalDate lastLegalDate) {

    /** The close or reopen in force, with the filing that made it. */
    public record StatusChange(CaseStatus status, Disposition disposition, LocalDate on, FilingId byFiling,
                               Source source) {
    }

    public record RelatedCase(Relation relation, CaseId caseId, LocalDate since, FilingId byFiling, Source source) {
    }

    public record ClaimView(ClaimId id, int count, ClaimType type, String title, String legalBasis,
                            FilingId assertedIn, LocalDate assertedOn, ClaimStatus status, LocalDate disposedOn,
                            FilingId disposedBy, List<FindingView> findings, Source source) {
    }

    public record FindingView(Finding finding, LocalDate on, FilingId byFiling, Source source) {
    }

    /** One docket entry; {@code status} is a motion's status and null for other entries. */
    public record DocketEntry(FilingId id, Integer entryNumber, LocalDate dateFiled, boolean dateFiledEstimated,
                              String filedBy, FilingType type, String title, String description, Integer pageCount,
                              List<ClaimId> claimIds, Source source, MotionStatus status, LocalDate decidedOn,
                              FilingId decidedBy, FilingEffects effects, List<Correction> corrections,
                              boolean retracted, String retractionReason) {
    }

    /** A correction already applied to the entry, kept visible: what changed is in the history. */
    public record Correction(Instant recordedAt, String reason, String eventId) {
    }
}
