package org.casetracker.app.page;

import org.casetracker.app.casefile.CaseFiles;
import org.springframework.security.core.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;

/** {@code /}: every case on record, as of the page's date and moment (the same read as {@code GET /api/cases}). */
@Controller
@Hidden // HTML for people, not part of the REST API's OpenAPI document
public class CaseListPageController {

    private final CaseFiles caseFiles;
    private final Clock clock;

    public CaseListPageController(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @GetMapping("/")
    public String cases(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                        Authentication user, Model model) {
        PageCut cut = PageCut.of(asOf, knownAt, clock);
        model.addAttribute("cut", cut);
        model.addAttribute("cases", cut.live() ? caseFiles.allLive(cut.asOf())
                : caseFiles.allAsOf(cut.asOf(), cut.knownAt()));
        model.addAttribute("user", CasePage.signedIn(user) ? user.getName() : null);
        return "page/cases";
    }
}
