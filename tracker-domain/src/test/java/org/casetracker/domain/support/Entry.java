package org.casetracker.domain.support;

import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/** A docket entry for the tests: the command that records it and the event it should become. */
public final class Entry {

    private FilingId id;
    private CaseId caseId = Parler.CASE;
    private Integer entryNumber;
    private LocalDate dateFiled;
    private boolean estimated;
    private String filedBy = "Parler LLC";
    private FilingType type;
    private String title;
    private String description;
    private Integer pageCount;
    private List<ClaimId> claimIds;
    private Source source = Parler.SOURCE;
    private FilingEffects effects;

    private Entry() {
    }

    /** Entry {@code number} of the Parler docket. */
    public static Entry numbered(int number, FilingType type, LocalDate dateFiled, String title) {
        return numbered(Parler.CASE, number, type, dateFiled, title);
    }

    public static Entry numbered(CaseId caseId, int number, FilingType type, LocalDate dateFiled, String title) {
        Entry entry = new Entry();
        entry.caseId = caseId;
        entry.id = FilingId.numbered(caseId, number);
        entry.entryNumber = number;
        entry.type = type;
        entry.dateFiled = dateFiled;
        entry.title = title;
        if (type.isByTheCourt()) {
            entry.filedBy = "Court";
        }
        return entry;
    }

    /** An unnumbered entry, with an id of its case's. */
    public static Entry unnumbered(String suffix, FilingType type, LocalDate dateFiled, String title) {
        Entry entry = numbered(1, type, dateFiled, title);
        entry.entryNumber = null;
        entry.id = new FilingId(Parler.CASE.value() + "-" + suffix);
        return entry;
    }

    public Entry id(FilingId id) {
        this.id = id;
        return this;
    }

    public Entry caseId(CaseId caseId) {
        this.caseId = caseId;
        return this;
    }

    public Entry entryNumber(Integer entryNumber) {
        this.entryNumber = entryNumber;
        return this;
    }

    public Entry dateFiled(LocalDate dateFiled) {
        this.dateFiled = dateFiled;
        return this;
    }

    public Entry estimated() {
        this.estimated = true;
        return this;
    }

    public Entry filedBy(String filedBy) {
        this.filedBy = filedBy;
        return this;
    }

    public Entry type(FilingType type) {
        this.type = type;
        return this;
    }

    public Entry title(String title) {
        this.title = title;
        return this;
    }

    public Entry description(String description) {
        this.description = description;
        return this;
    }

    public Entry pages(Integer pageCount) {
        this.pageCount = pageCount;
        return this;
    }

    public Entry claims(ClaimId... claimIds) {
        this.claimIds = java.util.Arrays.asList(claimIds);
        return this;
    }

    public Entry source(Source source) {
        this.source = source;
        return this;
    }

    public Entry effects(FilingEffects effects) {
        this.effects = effects;
        return this;
    }

    public FilingId id() {
        return id;
    }

    public LocalDate dateFiled() {
        return dateFiled;
    }

    public RecordFiling command() {
        return new RecordFiling(id, caseId, entryNumber, dateFiled, estimated, filedBy, type, title, description,
                pageCount, claimIds, source, effects);
    }

    /** The event recording this entry, as the Filing aggregate records a well-formed command. */
    public FilingRecorded event() {
        return new FilingRecorded(id, caseId, entryNumber, dateFiled, estimated, filedBy.strip(), type, title.strip(),
                description == null || description.isBlank() ? null : description.strip(), pageCount,
                claimIds == null ? List.of() : List.copyOf(claimIds), source,
                effects == null ? FilingEffects.NONE : effects);
    }
}
