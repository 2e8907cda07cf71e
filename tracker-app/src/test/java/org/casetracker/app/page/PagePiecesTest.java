package org.casetracker.app.page;

import org.casetracker.domain.casefile.ChangeKind;
import org.casetracker.domain.casefile.TimelineEntry;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page's small pieces: reading the cut-offs from a URL, placing refusals at fields, laying out the timeline. */
class PagePiecesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theCutOffsComeFromTheUrlAndBlankMeansToday() {
        PageCut live = PageCut.of("", null, CLOCK);
        assertThat(live.live()).isTrue();
        assertThat(live.asOf()).isEqualTo(LocalDate.parse("2026-03-01"));

        PageCut past = PageCut.of("2021-01-15", "2021-02-01T10:00:00Z", CLOCK);
        assertThat(past.live()).isFalse();
        assertThat(past.link("/cases/x")).isEqualTo("/cases/x?asOf=2021-01-15&knownAt=2021-02-01T10:00:00Z");
        // what a browser's datetime-local control sends has no zone: UTC
        assertThat(PageCut.of(null, "2021-02-01T10:00", CLOCK).knownAt()).isEqualTo("2021-02-01T10:00:00Z");
        assertThat(past.knownAtControl()).isEqualTo("2021-02-01T10:00:00");

        assertThatThrownBy(() -> PageCut.of("2021-02-30", null, CLOCK)).isInstanceOf(DocketRuleViolation.class)
                .extracting("field").isEqualTo("asOf");
        assertThatThrownBy(() -> PageCut.of(null, "soon", CLOCK)).isInstanceOf(DocketRuleViolation.class)
                .extracting("field").isEqualTo("knownAt");
    }

    @Test
    void aRefusalOfTheWritePathIsShownAtTheControlThatFedIt() {
        assertThat(FormErrors.formField("title")).isEqualTo("title");
        assertThat(FormErrors.formField("source.citation")).isEqualTo("citation");
        assertThat(FormErrors.formField("source")).isEqualTo("citation");
        assertThat(FormErrors.formField("source.verification")).isEqualTo("verification");
        assertThat(FormErrors.formField("claimIds[2]")).isEqualTo("claimIds");
        assertThat(FormErrors.formField("effects.motions[0].filingId")).isEqualTo("motion");
        assertThat(FormErrors.formField("effects.motions[0].outcome")).isEqualTo("outcome");
        assertThat(FormErrors.formField("filingId")).isEqualTo("entryNumber");
        assertThat(FormErrors.formField("effects.cases[0].caseId")).isEqualTo(FormErrors.FORM);
        assertThat(FormErrors.formField(null)).isEqualTo(FormErrors.FORM);
    }

    @Test
    void theTimelineHasADotADayAndMoreRoomForLongerSilences() {
        List<TimelineEntry> entries = List.of(
                entry("2021-01-11", ChangeKind.CASE_OPENED, null),
                entry("2021-01-11", ChangeKind.FILING_ADDED, "f-1"),
                entry("2021-01-12", ChangeKind.FILING_ADDED, "f-2"),
                entry("2021-01-21", ChangeKind.MOTION_DECIDED, "f-34"),
                entry("2021-09-17", ChangeKind.FILING_ADDED, "f-20"));
        TimelinePicture picture = TimelinePicture.of(entries, Set.of("f-20"));

        assertThat(picture.days()).extracting(TimelinePicture.Day::date).map(LocalDate::toString)
                .containsExactly("2021-01-11", "2021-01-12", "2021-01-21", "2021-09-17");
        assertThat(picture.days().get(0).marks()).hasSize(2);
        assertThat(picture.days().get(3).estimated()).isTrue();
        assertThat(picture.days().get(2).marks().get(0).kind()).isEqualTo("ruling");
        int oneDay = picture.days().get(1).y() - picture.days().get(0).y() - TimelinePicture.LINE;
        int nineDays = picture.days().get(2).y() - picture.days().get(1).y();
        int months = picture.days().get(3).y() - picture.days().get(2).y();
        assertThat(oneDay).isLessThan(nineDays);
        assertThat(nineDays).isLessThan(months);
        // only the silence of months is drawn as one
        assertThat(picture.gaps()).singleElement().extracting(TimelinePicture.Gap::days).isEqualTo(239L);
        assertThat(picture.height()).isGreaterThan(picture.days().get(3).y());
    }

    private static TimelineEntry entry(String date, ChangeKind kind, String filing) {
        return new TimelineEntry("e", 1, LocalDate.parse(date), Instant.EPOCH, kind, "s", "v", filing,
                kind + " on " + date, null);
    }
}
