package org.casetracker.app.page;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.casefile.CaseFiles;
import org.casetracker.app.history.HistoryController;
import org.casetracker.app.history.HistoryPage;
import org.casetracker.app.security.Role;
import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.casefile.CaseTimeline;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.casefile.TimelineEntry;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.Verification;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the case page shows, read through the same services as the REST reads: the case file (live from the
 * projection, or folded as of the page's cut-offs), its timeline, and its audit trail (as known at {@code knownAt}
 * when one is given: what had been recorded by then).
 */
@Component
class CasePage {

    /** The audit trail on the page: its first entries; the REST history pages through the rest. */
    static final int HISTORY_SHOWN = 500;

    private final CaseFiles caseFiles;
    private final HistoryController history;

    CasePage(CaseFiles caseFiles, HistoryController history) {
        this.caseFiles = caseFiles;
        this.history = history;
    }

    /** Fills {@code model} for the page of {@code caseId}; a case not (yet) on record at the cut-offs is a 404. */
    void fill(Model model, String caseId, PageCut cut, DocketFilter filter, Authentication user) {
        CaseFile file = read(caseId, cut);
        List<DocketEntry> docket = file.docket();
        List<RecordedEvent> events = caseFiles.eventsOf(caseId);
        List<TimelineEntry> timeline = CaseTimeline.timeline(events, cut.asOf(), cut.knownAt());
        Set<String> estimated = docket.stream().filter(DocketEntry::dateFiledEstimated)
                .map(entry -> entry.id().value()).collect(Collectors.toSet());
        HistoryPage trail = history.history(caseId, 0, HISTORY_SHOWN, null, null, null, null,
                cut.knownAtGiven() ? cut.knownAt().toString() : null);

        model.addAttribute("cut", cut);
        model.addAttribute("file", file);
        model.addAttribute("filter", filter);
        model.addAttribute("docket", docket.stream().filter(filter).toList());
        model.addAttribute("docketSize", docket.size());
        model.addAttribute("pendingMotions", docket.stream()
                .filter(entry -> entry.type() == FilingType.MOTION && entry.status() == MotionStatus.PENDING)
                .toList());
        model.addAttribute("timeline", timeline);
        model.addAttribute("picture", TimelinePicture.of(timeline, estimated));
        model.addAttribute("history", trail);
        model.addAttribute("filingTypes", FilingType.values());
        model.addAttribute("verifications", Verification.values());
        model.addAttribute("outcomes", Arrays.stream(MotionStatus.values())
                .filter(status -> status != MotionStatus.PENDING).toList());
        model.addAttribute("canRecord", hasRole(user, Role.RECORDER));
        model.addAttribute("user", signedIn(user) ? user.getName() : null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FilingForm.EMPTY);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
    }

    private CaseFile read(String caseId, PageCut cut) {
        if (cut.live()) {
            return caseFiles.live(caseId, cut.asOf()).orElseThrow(() -> new CaseNotFound(caseId));
        }
        return caseFiles.asOf(caseId, cut.asOf(), cut.knownAt(), false)
                .orElseThrow(() -> new CaseNotFound(caseId, cut.asOf(), cut.knownAt()));
    }

    static boolean signedIn(Authentication user) {
        return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
    }

    static boolean hasRole(Authentication user, Role role) {
        return signedIn(user) && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }
}
