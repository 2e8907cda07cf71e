package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The record of Parler v. AWS as loaded on first start, read over HTTP. */
@SuppressWarnings("unchecked")
class RecordOfTheDisputeHttpTest extends RecordedAppTest {

    @Test
    void listsExactlyTheThreeCasesOfTheRecord() {
        // as the record stood once loaded (later tests may open cases of their own in this shared store)
        Reply list = http.get("/api/cases?knownAt=" + recordLoadedBy).expect(200);
        List<Map<String, Object>> cases = list.read("$.cases");
        assertThat(cases).extracting(c -> c.get("id"), c -> c.get("court"), c -> c.get("docketNumber"),
                        c -> c.get("caption"), c -> c.get("status"), c -> c.get("disposition"), c -> c.get("filedOn"))
                .containsExactly(
                        tuple(FEDERAL, "wawd", "2:21-cv-00031", "Parler LLC v. Amazon Web Services, Inc.", "CLOSED",
                                "VOLUNTARILY_DISMISSED", "2021-01-11"),
                        tuple(STATE, "kingco", "21-2-02856-6 SEA",
                                "Parler LLC v. Amazon Web Services, Inc. and Amazon.com, Inc.", "OPEN", null,
                                "2021-03-02"),
                        tuple(REMOVAL, "wawd", "2:21-cv-00270", "Parler, LLC v. Amazon Web Services, Inc. et al.",
                                "CLOSED", "REMANDED", "2021-03-03"));

        // the live listing (from the projection) shows the same three the same way
        List<Map<String, Object>> live = http.get("/api/cases").expect(200).read("$.cases");
        assertThat(live).filteredOn(c -> List.of(FEDERAL, STATE, REMOVAL).contains(c.get("id")))
                .containsExactlyElementsOf(cases);
    }

    @Test
    void theFederalCaseIsClosedByVoluntaryDismissalWithItsJudgePartiesAndCounsel() {
        Reply federal = http.get("/api/cases/" + FEDERAL).expect(200);
        assertThat(federal.contentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat((String) federal.read("$.id")).isEqualTo(FEDERAL);
        assertThat((String) federal.read("$.court")).isEqualTo("wawd");
        assertThat((String) federal.read("$.docketNumber")).isEqualTo("2:21-cv-00031");
        assertThat((String) federal.read("$.filedOn")).isEqualTo("2021-01-11");
        assertThat((String) federal.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) federal.read("$.disposition")).isEqualTo("VOLUNTARILY_DISMISSED");
        assertThat((String) federal.read("$.judge")).isEqualTo("Barbara J. Rothstein");
        assertThat((String) federal.read("$.statusChange.on")).isEqualTo("2021-03-02");
        assertThat((String) federal.read("$.statusChange.byFiling"))
                .isEqualTo(FEDERAL + "-2021-03-02-notice-of-voluntary-dismissal");

        List<Map<String, Object>> parties = federal.read("$.parties");
        assertThat(parties).extracting(p -> p.get("name"), p -> p.get("role")).containsExactly(
                tuple("Parler LLC", "PLAINTIFF"), tuple("Amazon Web Services, Inc.", "DEFENDANT"));
        assertThat((List<String>) federal.read("$.parties[0].counsel"))
                .singleElement().asString().startsWith("David J. Groesbeck");
        assertThat((List<String>) federal.read("$.parties[1].counsel")).hasSize(2)
                .anySatisfy(c -> assertThat(c).startsWith("Ambika K. Doran"))
                .anySatisfy(c -> assertThat(c).startsWith("Alonzo B. Wickers IV"));

        assertThat((List<Object>) federal.read("$.relatedCases[*].relation")).containsExactly("REFILED_AS");
        assertThat((List<Object>) federal.read("$.relatedCases[*].caseId")).containsExactly(STATE);
        assertThat((List<Object>) federal.read("$.claims[*].status")).containsOnly("DISMISSED_WITHOUT_PREJUDICE")
                .hasSize(3);
        assertThat((String) federal.read("$.source.verification")).isEqualTo("VERIFIED");
    }

    @Test
    void theThreeCountsWereFoundNotLikelyToSucceedByDocket34AndDismissedWithoutPrejudice() {
        Reply claims = http.get("/api/cases/" + FEDERAL + "/claims").expect(200);
        List<Map<String, Object>> list = claims.read("$.claims");
        assertThat(list).extracting(c -> c.get("id"), c -> c.get("count"), c -> c.get("type"), c -> c.get("status"))
                .containsExactly(
                        tuple(FEDERAL + "-count-1", 1, "ANTITRUST", "DISMISSED_WITHOUT_PREJUDICE"),
                        tuple(FEDERAL + "-count-2", 2, "BREACH_OF_CONTRACT", "DISMISSED_WITHOUT_PREJUDICE"),
                        tuple(FEDERAL + "-count-3", 3, "TORTIOUS_INTERFERENCE", "DISMISSED_WITHOUT_PREJUDICE"));
        for (int i = 0; i < 3; i++) {
            String claim = "$.claims[" + i + "]";
            assertThat((List<Map<String, Object>>) claims.read(claim + ".findings"))
                    .extracting(f -> f.get("finding"), f -> f.get("on"), f -> f.get("byFiling"))
                    .containsExactly(tuple("NOT_LIKELY_TO_SUCCEED", "2021-01-21", FEDERAL + "-dkt-34"));
            assertThat((String) claims.read(claim + ".findings[0].source.verification")).isEqualTo("VERIFIED");
            assertThat((String) claims.read(claim + ".assertedIn")).isEqualTo(FEDERAL + "-dkt-1");
            assertThat((String) claims.read(claim + ".disposedOn")).isEqualTo("2021-03-02");
            assertThat((String) claims.read(claim + ".disposedBy"))
                    .isEqualTo(FEDERAL + "-2021-03-02-notice-of-voluntary-dismissal");
            assertThat((String) claims.read(claim + ".source.citation")).isNotBlank();
        }
        assertThat((String) claims.read("$.claims[0].legalBasis")).contains("Sherman Act");
    }

    @Test
    void theFederalDocketIsInLegalOrderAndEveryEntryCitesItsSource() {
        Reply docket = http.get("/api/cases/" + FEDERAL + "/filings").expect(200);
        List<Map<String, Object>> filings = docket.read("$.filings");
        assertThat(filings).hasSize(8);

        List<LocalDate> dates = filings.stream().map(f -> LocalDate.parse((String) f.get("dateFiled"))).toList();
        assertThat(dates).isSorted();
        assertThat(filings).extracting(f -> f.get("id")).startsWith(FEDERAL + "-dkt-1", FEDERAL + "-dkt-2")
                .endsWith(FEDERAL + "-2021-03-02-notice-of-voluntary-dismissal");
        assertThat(filings).filteredOn(f -> Integer.valueOf(34).equals(f.get("entryNumber")))
                .singleElement().satisfies(order -> {
                    assertThat(order.get("dateFiled")).isEqualTo("2021-01-21");
                    assertThat(order.get("type")).isEqualTo("ORDER");
                    assertThat(order.get("pageCount")).isEqualTo(14);
                });
        assertThat(filings).allSatisfy(f -> {
            Map<?, ?> source = (Map<?, ?>) f.get("source");
            assertThat(source).as("source of %s", f.get("id")).isNotNull();
            assertThat((String) source.get("citation")).as("citation of %s", f.get("id")).isNotBlank();
            assertThat(source.get("verification")).as("verification of %s", f.get("id"))
                    .isIn("VERIFIED", "SECONDARY", "UNVERIFIED");
            assertThat(f.get("retracted")).isEqualTo(false);
        });

        Map<String, Object> motion = byId(filings, FEDERAL + "-dkt-2");
        assertThat(motion.get("type")).isEqualTo("MOTION");
        assertThat(motion.get("status")).isEqualTo("DENIED");
        assertThat(motion.get("decidedBy")).isEqualTo(FEDERAL + "-dkt-34");
        assertThat(motion.get("decidedOn")).isEqualTo("2021-01-21");
        assertThat(byId(filings, FEDERAL + "-dkt-1").get("status")).as("a complaint has no motion status").isNull();

        // entries known only from the press: SECONDARY, never VERIFIED, and no entry number
        for (String pressOnly : List.of(FEDERAL + "-2021-01-14-hearing", FEDERAL + "-2021-01-12-opposition",
                FEDERAL + "-2021-03-02-notice-of-voluntary-dismissal")) {
            Map<String, Object> entry = byId(filings, pressOnly);
            assertThat(((Map<?, ?>) entry.get("source")).get("verification")).as(pressOnly).isEqualTo("SECONDARY");
            assertThat(entry.get("entryNumber")).as(pressOnly).isNull();
        }
        assertThat(byId(filings, FEDERAL + "-dkt-34").get("source")).extracting(s -> ((Map<?, ?>) s).get("verification"))
                .isEqualTo("VERIFIED");
    }

    @Test
    void theStateCaseIsOpenAgainAfterRemovalAndRemand() {
        Reply state = http.get("/api/cases/" + STATE).expect(200);
        assertThat((String) state.read("$.status")).isEqualTo("OPEN");
        assertThat((Object) state.read("$.disposition")).isNull();
        assertThat((String) state.read("$.statusChange.byFiling")).isEqualTo(REMOVAL + "-dkt-69");
        List<Map<String, Object>> related = state.read("$.relatedCases");
        assertThat(related).extracting(r -> r.get("relation"), r -> r.get("caseId"), r -> r.get("since"))
                .containsExactlyInAnyOrder(
                        tuple("REFILED_FROM", FEDERAL, "2021-03-02"),
                        tuple("REMOVED_TO", REMOVAL, "2021-03-03"),
                        tuple("REMANDED_FROM", REMOVAL, "2021-09-17"));
        assertThat((List<Object>) state.read("$.parties[*].role"))
                .containsExactly("PLAINTIFF", "DEFENDANT", "DEFENDANT");
    }

    @Test
    void theRemovalCaseIsRemandedAndItsSevenMotionsAreDecidedAsTheRemandOrderSays() {
        Reply removal = http.get("/api/cases/" + REMOVAL).expect(200);
        assertThat((String) removal.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) removal.read("$.disposition")).isEqualTo("REMANDED");
        assertThat((List<Map<String, Object>>) removal.read("$.relatedCases"))
                .extracting(r -> r.get("relation"), r -> r.get("caseId"))
                .containsExactlyInAnyOrder(tuple("REMOVED_FROM", STATE), tuple("REMANDED_TO", STATE));

        List<Map<String, Object>> motions = http.get("/api/cases/" + REMOVAL + "/filings?type=MOTION").expect(200)
                .read("$.filings");
        assertThat(motions).extracting(m -> m.get("entryNumber"), m -> m.get("status")).containsExactly(
                tuple(20, "GRANTED"), tuple(33, "DENIED"), tuple(35, "DENIED"), tuple(39, "GRANTED"),
                tuple(44, "GRANTED"), tuple(59, "GRANTED"), tuple(64, "GRANTED"));
        assertThat(motions).allSatisfy(m -> {
            assertThat(m.get("decidedBy")).isEqualTo(REMOVAL + "-dkt-69");
            assertThat(m.get("decidedOn")).isEqualTo("2021-09-17");
            assertThat(m.get("dateFiledEstimated")).isEqualTo(true);
        });
    }

    @Test
    void liveReadsAndAsOfReadsOfTheRecordAgree() {
        String now = "asOf=" + LocalDate.now(java.time.ZoneOffset.UTC) + "&knownAt=" + Instant.now();
        for (String caseId : List.of(FEDERAL, STATE, REMOVAL)) {
            for (String view : List.of("", "/claims", "/filings")) {
                Reply live = http.get("/api/cases/" + caseId + view).expect(200);
                Reply folded = http.get("/api/cases/" + caseId + view + "?" + now).expect(200);
                Map<String, Object> liveBody = live.read("$");
                Map<String, Object> foldedBody = folded.read("$");
                liveBody.keySet().removeAll(List.of("asOf", "knownAt"));
                foldedBody.keySet().removeAll(List.of("asOf", "knownAt"));
                assertThat(foldedBody).as("%s%s", caseId, view).isEqualTo(liveBody);
            }
        }
    }

    private static Map<String, Object> byId(List<Map<String, Object>> filings, String id) {
        return filings.stream().filter(f -> id.equals(f.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + filings.stream().map(f -> f.get("id")).toList()));
    }
}
