package org.casetracker.domain.filings;

import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.support.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;

class FilingStateTest {

    private static FilingState fold(FilingEvent... events) {
        FilingState state = FilingState.NONE;
        for (FilingEvent event : events) {
            state = FilingState.evolve(state, event);
        }
        return state;
    }

    private static final FilingEvent.FilingRecorded MOTION = Entry.numbered(2, FilingType.MOTION, day(1, 11),
            "Motion for TRO").event();

    @Test
    void a_recorded_motion_is_pending() {
        FilingState state = fold(MOTION);
        assertThat(state.caseId()).isEqualTo(CASE);
        assertThat(state.type()).isEqualTo(FilingType.MOTION);
        assertThat(state.dateFiled()).isEqualTo(day(1, 11));
        assertThat(state.motionStatus()).isEqualTo(MotionStatus.PENDING);
        assertThat(state.retracted()).isFalse();
    }

    @Test
    void a_ruling_decides_it_and_its_retraction_leaves_it_pending_again() {
        MotionDecided denied = new MotionDecided(dkt(2), CASE, MotionStatus.DENIED, dkt(34), day(1, 21), SOURCE);
        assertThat(fold(MOTION, denied).motionStatus()).isEqualTo(MotionStatus.DENIED);
        assertThat(fold(MOTION, denied).hasRulingBy(dkt(34))).isTrue();
        FilingState undone = fold(MOTION, denied,
                new MotionRulingRetracted(dkt(2), CASE, dkt(34), day(1, 21), "wrong order"));
        assertThat(undone.motionStatus()).isEqualTo(MotionStatus.PENDING);
        assertThat(undone.hasRulingBy(dkt(34))).isFalse();
    }

    @Test
    void a_correction_changes_type_and_date_and_a_retraction_marks_the_entry() {
        FilingChanges changes = new FilingChanges(day(1, 12), null, null, FilingType.DECLARATION, null, null, null,
                null, null);
        FilingState corrected = fold(MOTION, new FilingCorrected(dkt(2), CASE, changes, "misread", day(1, 12)));
        assertThat(corrected.type()).isEqualTo(FilingType.DECLARATION);
        assertThat(corrected.dateFiled()).isEqualTo(day(1, 12));
        FilingState retracted = fold(MOTION, new FilingRetracted(dkt(2), CASE, day(1, 11), "duplicate",
                FilingEffects.NONE));
        assertThat(retracted.retracted()).isTrue();
    }

    @Test
    void a_correction_of_another_field_keeps_type_and_date() {
        FilingChanges changes = new FilingChanges(null, null, null, null, "Motion for TRO and PI", null, null, null,
                null);
        FilingState corrected = fold(MOTION, new FilingCorrected(dkt(2), CASE, changes, "title", day(1, 11)));
        assertThat(corrected.type()).isEqualTo(FilingType.MOTION);
        assertThat(corrected.dateFiled()).isEqualTo(day(1, 11));
    }
}
