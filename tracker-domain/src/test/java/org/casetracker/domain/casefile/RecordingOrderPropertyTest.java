package org.casetracker.domain.casefile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.support.EffectList;
import org.casetracker.domain.support.Entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Parler.opened;

/**
 * The fold depends on legal dates, not on the order the researcher happened to record things in: any
 * permutation of a case's recording order (positions and recorded instants given in the permuted order)
 * folds into the same case file.
 */
class RecordingOrderPropertyTest {

    private static final Instant FIRST_RECORDED = Instant.parse("2024-06-03T09:00:00Z");

    /** What a generated history is made of: offsets in days from the day the case was filed. */
    record Plan(int claims, List<Integer> assertedAfter, int motionAfter, int orderDelay, MotionStatus outcome,
                List<Integer> otherFilingsAfter, List<Integer> unnumberedAfter, Closing closing) {

        List<DocketEvent> events() {
            List<DocketEvent> events = new ArrayList<>();
            events.add(opened());
            List<ClaimId> counts = new ArrayList<>();
            for (int i = 1; i <= claims; i++) {
                counts.add(ClaimId.of(CASE, i));
            }
            events.add(Entry.numbered(1, FilingType.COMPLAINT, FILED, "Complaint")
                    .claims(counts.toArray(ClaimId[]::new)).event());
            LocalDate lastAssertion = FILED;
            for (int i = 1; i <= claims; i++) {
                LocalDate assertedOn = FILED.plusDays(assertedAfter.get(i - 1));
                lastAssertion = assertedOn.isAfter(lastAssertion) ? assertedOn : lastAssertion;
                events.add(new ClaimAsserted(ClaimId.of(CASE, i), CASE, i, ClaimType.values()[i % 7], "Count " + i,
                        null, dkt(1), assertedOn, SOURCE));
            }
            LocalDate motionFiled = FILED.plusDays(motionAfter);
            events.add(Entry.numbered(2, FilingType.MOTION, motionFiled, "Motion for a preliminary injunction")
                    .event());
            int entry = 3;
            for (int after : otherFilingsAfter) {
                FilingType type = FilingType.values()[(entry + after) % 4 + 2]; // OPPOSITION .. EXHIBIT
                events.add(Entry.numbered(entry, type, FILED.plusDays(after), type + " " + entry).event());
                entry++;
            }
            for (int after : unnumberedAfter) {
                events.add(Entry.unnumbered("minutes-" + after, FilingType.MINUTE_ENTRY, FILED.plusDays(after),
                        "Minute entry").event());
            }
            // the order comes after the motion and after every count it assesses was asserted
            LocalDate orderDate = later(motionFiled, lastAssertion).plusDays(orderDelay);
            FilingId order = dkt(entry++);
            EffectList orderEffects = EffectList.effects().motion(dkt(2), outcome);
            counts.forEach(count -> orderEffects.finding(count, Finding.NOT_LIKELY_TO_SUCCEED));
            events.add(Entry.numbered(entry - 1, FilingType.ORDER, orderDate, "Order on the motion")
                    .effects(orderEffects.build()).event());
            events.add(new MotionDecided(dkt(2), CASE, outcome, order, orderDate, SOURCE));
            counts.forEach(count -> events.add(new FindingRecorded(count, CASE, Finding.NOT_LIKELY_TO_SUCCEED, order,
                    orderDate, SOURCE)));

            LocalDate closedOn = orderDate.plusDays(closing.delay());
            FilingId closer = dkt(entry);
            EffectList closingEffects = EffectList.effects().closing(CASE, closing.disposition());
            List<ClaimId> disposed = counts.subList(0, Math.min(closing.disposedCounts(), counts.size()));
            disposed.forEach(count -> closingEffects.disposition(count, closing.claimStatus()));
            events.add(Entry.numbered(entry, closing.type(), closedOn, "Closing entry")
                    .effects(closingEffects.build()).event());
            disposed.forEach(count -> events.add(new ClaimDisposed(count, CASE, closing.claimStatus(), closer,
                    closedOn, SOURCE)));
            events.add(new CaseClosed(CASE, closing.disposition(), closer, closedOn, SOURCE));
            return events;
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    record Closing(int delay, FilingType type, Disposition disposition, ClaimStatus claimStatus, int disposedCounts) {
    }

    /** A history and one order of recording it. */
    record Recording(Plan plan, List<DocketEvent> natural, List<DocketEvent> recordedInOrder) {
    }

    /** Histories whose order is at least a day after the motion and after every count it assesses. */
    @Provide
    Arbitrary<Plan> plans() {
        return plans(1);
    }

    /**
     * Histories with as many things as possible on one day: the order may come the day the motion was filed
     * and the counts asserted, and the closing the day of the order.
     */
    @Provide
    Arbitrary<Plan> crowdedPlans() {
        return plans(0);
    }

    private Arbitrary<Plan> plans(int minOrderDelay) {
        Arbitrary<Closing> closings = Combinators.combine(
                Arbitraries.integers().between(0, 60),
                Arbitraries.of(0, 1, 2),
                Arbitraries.integers().between(0, 4)
        ).as((delay, kind, disposed) -> switch (kind) {
            case 0 -> new Closing(delay, FilingType.NOTICE_OF_VOLUNTARY_DISMISSAL, Disposition.VOLUNTARILY_DISMISSED,
                    ClaimStatus.DISMISSED_WITHOUT_PREJUDICE, disposed);
            case 1 -> new Closing(delay, FilingType.JUDGMENT, Disposition.JUDGMENT,
                    ClaimStatus.JUDGMENT_FOR_DEFENDANT, disposed);
            default -> new Closing(delay, FilingType.ORDER, Disposition.DISMISSED,
                    ClaimStatus.DISMISSED_WITH_PREJUDICE, disposed);
        });
        return Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 5).list().ofSize(4),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(minOrderDelay, 30),
                Arbitraries.of(MotionStatus.GRANTED, MotionStatus.GRANTED_IN_PART, MotionStatus.DENIED,
                        MotionStatus.MOOT),
                Arbitraries.integers().between(0, 90).list().ofMaxSize(6),
                // two unnumbered entries of one day would be ordered as recorded: see the report
                Arbitraries.integers().between(0, 90).list().uniqueElements().ofMaxSize(3),
                closings
        ).as(Plan::new);
    }

    @Provide
    Arbitrary<Recording> recordings() {
        return plans().flatMap(plan -> {
            List<DocketEvent> natural = plan.events();
            return Arbitraries.shuffle(natural).map(order -> new Recording(plan, natural, order));
        });
    }

    /**
     * A recording order the aggregates allow: a ruling, a finding or a disposition is recorded after the motion
     * or the count it concerns (the aggregate it is applied to exists), everything else in any order.
     */
    @Provide
    Arbitrary<Recording> allowedRecordings() {
        return crowdedPlans().flatMap(plan -> {
            List<DocketEvent> natural = plan.events();
            return Arbitraries.shuffle(natural).map(order -> new Recording(plan, natural, afterTheirTargets(order)));
        });
    }

    @Property(tries = 300)
    void any_recording_order_the_aggregates_allow_folds_into_the_same_case_file_even_on_one_day(
            @ForAll("allowedRecordings") Recording recording) {
        List<RecordedEvent> asRecorded = record(recording.natural(), recording.natural());
        List<RecordedEvent> permuted = record(recording.recordedInOrder(), recording.natural());
        assertThat(CaseFileFoldTest.legalContent(CaseFileFold.fold(permuted, null, null, false).orElseThrow()))
                .isEqualTo(CaseFileFoldTest.legalContent(CaseFileFold.fold(asRecorded, null, null, false)
                        .orElseThrow()));
    }

    @Property(tries = 300)
    void any_recording_order_folds_into_the_same_case_file(@ForAll("recordings") Recording recording) {
        List<RecordedEvent> asRecorded = record(recording.natural(), recording.natural());
        List<RecordedEvent> permuted = record(recording.recordedInOrder(), recording.natural());

        CaseFile expected = CaseFileFold.fold(asRecorded, null, null, false).orElseThrow();
        CaseFile actual = CaseFileFold.fold(permuted, null, null, false).orElseThrow();
        assertThat(CaseFileFoldTest.legalContent(actual)).isEqualTo(CaseFileFoldTest.legalContent(expected));
        assertThat(actual.lastPosition()).isEqualTo(recording.natural().size());
    }

    @Property(tries = 100)
    void on_every_legal_date_the_recording_order_does_not_matter(@ForAll("recordings") Recording recording) {
        List<RecordedEvent> asRecorded = record(recording.natural(), recording.natural());
        List<RecordedEvent> permuted = record(recording.recordedInOrder(), recording.natural());
        TreeSet<LocalDate> dates = new TreeSet<>();
        recording.natural().forEach(event -> dates.add(event.legalDate()));
        dates.add(FILED.minusDays(1));
        for (LocalDate asOf : dates) {
            Optional<CaseFile> expected = CaseFileFold.fold(asRecorded, asOf, null, false)
                    .map(CaseFileFoldTest::legalContent);
            Optional<CaseFile> actual = CaseFileFold.fold(permuted, asOf, null, false)
                    .map(CaseFileFoldTest::legalContent);
            assertThat(actual).as("as of %s", asOf).isEqualTo(expected);
        }
    }

    /** The same order, but each effect held back until the motion or count it concerns was recorded. */
    private static List<DocketEvent> afterTheirTargets(List<DocketEvent> order) {
        List<DocketEvent> result = new ArrayList<>();
        java.util.Set<Object> recorded = new java.util.HashSet<>();
        List<DocketEvent> waiting = new ArrayList<>();
        for (DocketEvent event : order) {
            Object target = target(event);
            if (target != null && !recorded.contains(target)) {
                waiting.add(event);
                continue;
            }
            result.add(event);
            Object identity = identity(event);
            if (identity != null) {
                recorded.add(identity);
                waiting.removeIf(w -> {
                    if (identity.equals(target(w))) {
                        result.add(w);
                        return true;
                    }
                    return false;
                });
            }
        }
        assertThat(waiting).isEmpty();
        return result;
    }

    /** The motion or count an effect is applied to; null for anything else. */
    private static Object target(DocketEvent event) {
        if (event instanceof MotionDecided decided) {
            return decided.filingId();
        }
        if (event instanceof FindingRecorded found) {
            return found.claimId();
        }
        if (event instanceof ClaimDisposed disposed) {
            return disposed.claimId();
        }
        return null;
    }

    private static Object identity(DocketEvent event) {
        if (event instanceof FilingRecorded filing) {
            return filing.filingId();
        }
        if (event instanceof ClaimAsserted asserted) {
            return asserted.claimId();
        }
        return null;
    }

    /** Positions and recorded instants follow {@code order}; an event keeps its id whatever its position. */
    private static List<RecordedEvent> record(List<DocketEvent> order, List<DocketEvent> natural) {
        Map<DocketEvent, Integer> ids = new IdentityHashMap<>();
        for (int i = 0; i < natural.size(); i++) {
            ids.put(natural.get(i), i);
        }
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            DocketEvent event = order.get(position);
            recorded.add(new RecordedEvent(event, position + 1, FIRST_RECORDED.plusSeconds(60L * position),
                    "event-" + ids.get(event)));
        }
        return recorded;
    }
}
