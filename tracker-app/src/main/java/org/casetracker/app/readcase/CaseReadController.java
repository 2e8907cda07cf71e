package org.casetracker.app.readcase;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.casefile.CaseFiles;
import org.casetracker.app.casefile.ListedCase;
import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state reads: cases, one case, its claims, its docket. Each answers for an {@code asOf} legal date
 * and a {@code knownAt} moment and says which; a case not yet filed on {@code asOf} is a 404.
 */
@RestController
public class CaseReadController {

    private final CaseFiles caseFiles;
    private final Clock clock;

    public CaseReadController(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @GetMapping("/api/cases")
    public CaseList cases(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        ReadCut cut = ReadCut.of(asOf, knownAt, false, clock);
        List<ListedCase> cases = cut.live() ? caseFiles.allLive(cut.asOf())
                : caseFiles.allAsOf(cut.asOf(), cut.knownAt());
        return new CaseList(cut.asOf(), cut.knownAt(), cases.stream().map(CaseSummary::of).toList());
    }

    @GetMapping("/api/cases/{caseId}")
    public CaseDetail caseDetail(@PathVariable String caseId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        ReadCut cut = ReadCut.of(asOf, knownAt, false, clock);
        return CaseDetail.of(file(caseId, cut, false), cut.asOf(), cut.knownAt());
    }

    @GetMapping("/api/cases/{caseId}/claims")
    public ClaimList claims(@PathVariable String caseId,
                            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        ReadCut cut = ReadCut.of(asOf, knownAt, false, clock);
        CaseFile file = file(caseId, cut, false);
        return new ClaimList(caseId, cut.asOf(), cut.knownAt(), file.claims().stream().map(ClaimResponse::of).toList());
    }

    // no "produces": then this JSON answer is the one chosen for no Accept and for */*, the CSV one only when asked for
    @GetMapping("/api/cases/{caseId}/filings")
    public Docket filings(@PathVariable String caseId,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt,
                          @RequestParam(required = false) FilingType type,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                          @RequestParam(defaultValue = "false") boolean includeRetracted) {
        if (from != null && to != null && to.isBefore(from)) {
            throw DocketRuleViolation.invalid("to", "is before from");
        }
        ReadCut cut = ReadCut.of(asOf, knownAt, includeRetracted, clock);
        CaseFile file = file(caseId, cut, includeRetracted);
        Predicate<DocketEntry> wanted = entry -> (type == null || entry.type() == type)
                && (from == null || !entry.dateFiled().isBefore(from))
                && (to == null || !entry.dateFiled().isAfter(to));
        return new Docket(caseId, cut.asOf(), cut.knownAt(),
                file.docket().stream().filter(wanted).map(FilingResponse::of).toList());
    }

    /** The same docket, at the same cut and with the same filters, as a CSV file ({@code Accept: text/csv}). */
    @GetMapping(path = "/api/cases/{caseId}/filings", produces = DocketCsv.MEDIA_TYPE)
    public ResponseEntity<byte[]> filingsCsv(@PathVariable String caseId,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt,
                          @RequestParam(required = false) FilingType type,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                          @RequestParam(defaultValue = "false") boolean includeRetracted) {
        Docket docket = filings(caseId, asOf, knownAt, type, from, to, includeRetracted);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present")))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(caseId + "-docket-" + docket.asOf() + ".csv").build().toString())
                .body(DocketCsv.of(docket));
    }

    @GetMapping("/api/cases/{caseId}/filings/{filingId}")
    public FilingRead filing(@PathVariable String caseId, @PathVariable String filingId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt,
                                 @RequestParam(defaultValue = "false") boolean includeRetracted) {
        ReadCut cut = ReadCut.of(asOf, knownAt, includeRetracted, clock);
        return file(caseId, cut, includeRetracted).docket().stream()
                .filter(entry -> entry.id().value().equals(filingId))
                .findFirst()
                .map(entry -> new FilingRead(caseId, cut.asOf(), cut.knownAt(), FilingResponse.of(entry)))
                .orElseThrow(() -> DocketRuleViolation.notFound("filingId", "no filing " + filingId + " in case "
                        + caseId + " as of " + cut.asOf()));
    }

    private CaseFile file(String caseId, ReadCut cut, boolean includeRetracted) {
        if (cut.live()) {
            return caseFiles.live(caseId, cut.asOf()).orElseThrow(() -> new CaseNotFound(caseId));
        }
        return caseFiles.asOf(caseId, cut.asOf(), cut.knownAt(), includeRetracted)
                .orElseThrow(() -> new CaseNotFound(caseId, cut.asOf(), cut.knownAt()));
    }
}
