package org.casetracker.app.http;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.casetracker.app.http.Http.Reply;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad and random JSON at every write endpoint, sent by an authenticated RECORDER: valid requests with one
 * to three fields broken (removed, null, of another type, too long, an impossible or future date, an unknown enum
 * value, a number out of range, an unknown field), random JSON values and random text. Whatever comes: never a
 * 5xx, every 4xx is problem+json, and the number of stored events changes exactly when a write is accepted (2xx).
 * <p>
 * It runs on the application context the HTTP tests share (the Spring test context cache, reached through a
 * {@link TestContextManager}), writing only into cases of its own.
 */
class WriteFuzzPropertyTest {

    private static final int TRIES = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SOURCE_CITATION = "https://example.org/fuzz";

    /** The shared HTTP test application. */
    static final class App extends RecordedAppTest {
    }

    private static App app;
    private static Http http;
    private static String caseId;
    private static String filingId;

    @BeforeContainer
    static void joinTheSharedApplication() throws Exception {
        app = new App();
        new TestContextManager(App.class).prepareTestInstance(app);
        app.client();
        http = app.http;
        caseId = app.openCase("2022-01-03");
        app.record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-01-03", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint"
                """);
        app.record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-01-04", "filedBy": "Plaintiff Co.", "type": "MOTION",
                "title": "Motion to expedite"
                """);
        filingId = caseId + "-dkt-1";
        app.assertClaim(caseId, 1, "ANTITRUST", "2022-01-03");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void openingACase(@ForAll("openings") String body) {
        sendAndCheck("/api/cases", body);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void assertingAClaim(@ForAll("claims") String body) {
        sendAndCheck("/api/cases/" + caseId + "/claims", body);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void recordingAFiling(@ForAll("filings") String body) {
        sendAndCheck("/api/cases/" + caseId + "/filings", body);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void correctingAFiling(@ForAll("corrections") String body) {
        sendAndCheck("/api/cases/" + caseId + "/filings/" + filingId + "/corrections", body);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void retractingAFiling(@ForAll("retractions") String body) {
        // a filing of its own each time, so that a valid retraction can be accepted more than once
        sendAndCheck("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-" + (1000 + RETRACTABLE.next())
                + "/retraction", body);
    }

    private void sendAndCheck(String path, String body) {
        long before = app.storedEvents();
        Reply reply = http.send(path, MediaType.APPLICATION_JSON, body);
        long after = app.storedEvents();

        assertThat(reply.status()).as("%s\nbody sent: %s", reply, body).isBetween(200, 499);
        if (reply.status() < 300) {
            assertThat(after).as("events after the accepted %s", reply).isGreaterThan(before);
        } else {
            assertThat(after).as("events after the refused %s\nbody sent: %s", reply, body).isEqualTo(before);
            assertThat(reply.contentType()).as(reply.toString()).isNotNull();
            assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(reply.toString()).isTrue();
            assertThat((Integer) reply.read("$.status")).isEqualTo(reply.status());
            assertThat((String) reply.read("$.title")).as(reply.toString()).isNotBlank();
            assertThat((String) reply.read("$.detail")).as(reply.toString()).isNotBlank();
        }
    }

    // ---- the bodies ----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> openings() {
        return bodies(Arbitraries.strings().alpha().numeric().ofMinLength(4).ofMaxLength(10).map(docket -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("court", "fuzz");
            body.put("courtName", "Fuzz Court");
            body.put("docketNumber", "1:22-cv-" + docket + "-" + UUID.randomUUID().toString().substring(0, 6));
            body.put("caption", "Fuzz v. Fuzz");
            body.put("filedOn", "2022-01-03");
            body.put("judge", "J. Fuzz");
            body.put("parties", List.of(party("Fuzz LLC", "PLAINTIFF"), party("Other Inc.", "DEFENDANT")));
            body.put("source", source());
            return body;
        }));
    }

    @Provide
    Arbitrary<String> claims() {
        return bodies(Arbitraries.integers().between(2, 10_000).map(count -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("count", count);
            body.put("type", "BREACH_OF_CONTRACT");
            body.put("title", "Count " + count);
            body.put("legalBasis", "Some statute");
            body.put("assertedIn", caseId + "-dkt-1");
            body.put("assertedOn", "2022-01-03");
            body.put("source", source());
            return body;
        }));
    }

    @Provide
    Arbitrary<String> filings() {
        Arbitrary<Map<String, Object>> valid = Combinators.combine(Arbitraries.integers().between(3, 999_999),
                Arbitraries.of("NOTICE", "ORDER", "MINUTE_ENTRY", "DECLARATION"), Arbitraries.integers().between(0, 3))
                .as((number, type, effects) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("entryNumber", number);
                    body.put("dateFiled", "2022-02-01");
                    body.put("filedBy", "Court");
                    body.put("type", type);
                    body.put("title", "Entry " + number);
                    body.put("description", "What it says");
                    body.put("pageCount", 3);
                    body.put("claimIds", List.of(caseId + "-count-1"));
                    body.put("source", source());
                    if (effects == 1) {
                        body.put("effects", Map.of("findings", List.of(Map.of("claimId", caseId + "-count-1",
                                "finding", "SERIOUS_QUESTIONS"))));
                    } else if (effects == 2) {
                        body.put("effects", Map.of("motions", List.of(Map.of("filingId", caseId + "-dkt-2",
                                "outcome", "GRANTED"))));
                    }
                    return body;
                });
        return bodies(valid);
    }

    @Provide
    Arbitrary<String> corrections() {
        return bodies(Arbitraries.of("title", "description", "filedBy", "pageCount", "dateFiled").map(field -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put(field, switch (field) {
                case "pageCount" -> 4;
                case "dateFiled" -> "2022-01-05";
                default -> "Corrected " + field;
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("changes", changes);
            body.put("reason", "A typo");
            body.put("source", source());
            return body;
        }));
    }

    @Provide
    Arbitrary<String> retractions() {
        return bodies(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40).map(reason -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            return body;
        }));
    }

    /** Mostly broken valid bodies; some intact; some random JSON; some random text. */
    private static Arbitrary<String> bodies(Arbitrary<Map<String, Object>> valid) {
        Arbitrary<String> broken = Combinators.combine(valid, mutations().list().ofMinSize(1).ofMaxSize(3))
                .as((body, mutations) -> {
                    Object mutated = body;
                    for (Mutation mutation : mutations) {
                        mutated = mutation.apply(mutated);
                    }
                    return write(mutated);
                });
        Arbitrary<String> intact = valid.map(WriteFuzzPropertyTest::write);
        Arbitrary<String> randomJson = jsonValues(4).map(WriteFuzzPropertyTest::write);
        Arbitrary<String> randomText = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                valid.map(WriteFuzzPropertyTest::write).flatMap(json -> Arbitraries.integers()
                        .between(0, json.length() - 1).map(cut -> json.substring(0, cut))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, broken),
                net.jqwik.api.Tuple.of(2, intact),
                net.jqwik.api.Tuple.of(3, randomJson),
                net.jqwik.api.Tuple.of(3, randomText));
    }

    /** One change to a JSON tree: at a path chosen at random among its members. */
    interface Mutation {
        Object apply(Object json);
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<Object> badValues = Arbitraries.oneOf(
                Arbitraries.just(null),
                jsonValues(2),
                Arbitraries.of(300, 301, 501, 1_001, 2_001, 20_001).map("y"::repeat),
                Arbitraries.of("2021-02-30", "2021-13-01", "21-1-1", "01/02/2021", "2099-01-01", "1900-01-01", "",
                        " ", "2022-02-29", "2021-01-21T18:00:00Z"),
                Arbitraries.of("BRIEF", "order", "PLAINTIFF ", "GRANTED_WITH_CAVEATS", "CLOSED", "VERIFIED?"),
                Arbitraries.of(0, -1, -2_147_483_648, 2_147_483_647, 1_000_001, 10_001, 100_001),
                Arbitraries.of(1.5, 1e20, -0.0),
                Arbitraries.of("12", "true", "null", "[]", "{}", "wawd-2-21-cv-00031-dkt-2", "no-such-case-count-1"),
                Arbitraries.of(true, false));
        Arbitrary<Mutation> remove = Arbitraries.integers().between(0, 1000)
                .map(pick -> json -> edit(json, pick, (map, key) -> map.remove(key)));
        Arbitrary<Mutation> replace = Combinators.combine(Arbitraries.integers().between(0, 1000), badValues)
                .as((pick, value) -> json -> edit(json, pick, (map, key) -> map.put(key, value)));
        Arbitrary<Mutation> addUnknown = Arbitraries.of("user", "recordedBy", "id", "entryNumbr", "extra", "")
                .map(name -> json -> edit(json, 0, (map, key) -> map.put(name, "x")));
        Arbitrary<Mutation> wrapInList = Arbitraries.integers().between(0, 1000)
                .map(pick -> json -> edit(json, pick, (map, key) -> map.put(key, List.of(map.get(key) == null
                        ? "null" : map.get(key)))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, remove),
                net.jqwik.api.Tuple.of(8, replace),
                net.jqwik.api.Tuple.of(1, addUnknown),
                net.jqwik.api.Tuple.of(1, wrapInList));
    }

    interface MemberEdit {
        void edit(Map<String, Object> object, String key);
    }

    /** Applies {@code change} to the {@code pick}-th member (mod their number) of every object in the tree. */
    @SuppressWarnings("unchecked")
    private static Object edit(Object json, int pick, MemberEdit change) {
        Object copy = deepCopy(json);
        List<Map.Entry<Map<String, Object>, String>> members = new ArrayList<>();
        collect(copy, members);
        if (members.isEmpty()) {
            return copy;
        }
        Map.Entry<Map<String, Object>, String> member = members.get(pick % members.size());
        change.edit(member.getKey(), member.getValue());
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object json, List<Map.Entry<Map<String, Object>, String>> members) {
        if (json instanceof Map<?, ?> map) {
            for (Object key : new ArrayList<>(map.keySet())) {
                members.add(Map.entry((Map<String, Object>) map, (String) key));
                collect(map.get(key), members);
            }
        } else if (json instanceof List<?> list) {
            list.forEach(element -> collect(element, members));
        }
    }

    private static Object deepCopy(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, deepCopy(value)));
            return copy;
        }
        if (json instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(deepCopy(element)));
            return copy;
        }
        return json;
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    private static Arbitrary<Object> jsonValues(int depth) {
        Arbitrary<Object> leaves = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.of("court", "2021-01-21", "ORDER", "VERIFIED").map(s -> (Object) s));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<Object> nested = jsonValues(depth - 1);
        Arbitrary<Object> lists = nested.list().ofMaxSize(3).map(list -> (Object) list);
        Arbitrary<Object> objects = Combinators.combine(
                        Arbitraries.of("court", "entryNumber", "title", "source", "effects", "changes", "reason", "x")
                                .list().ofMaxSize(3).uniqueElements(),
                        nested.list().ofSize(3))
                .as((keys, values) -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        object.put(keys.get(i), values.get(i));
                    }
                    return (Object) object;
                });
        return Arbitraries.oneOf(leaves, lists, objects);
    }

    private static Map<String, Object> party(String name, String role) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("name", name);
        party.put("role", role);
        party.put("counsel", List.of("A. Lawyer"));
        return party;
    }

    private static Map<String, Object> source() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("citation", SOURCE_CITATION);
        source.put("verification", "SECONDARY");
        return source;
    }

    private static String write(Object json) {
        return JSON.writeValueAsString(json);
    }

    /** Filings for the retraction property: recorded on demand, one per try. */
    private static final Retractable RETRACTABLE = new Retractable();

    private static final class Retractable {
        private int next;

        synchronized int next() {
            int number = ++next;
            app.record(caseId, """
                    "entryNumber": %d, "dateFiled": "2022-01-06", "filedBy": "Court", "type": "MINUTE_ENTRY",
                    "title": "Minute entry %d"
                    """.formatted(1000 + number, number));
            return number;
        }
    }
}
