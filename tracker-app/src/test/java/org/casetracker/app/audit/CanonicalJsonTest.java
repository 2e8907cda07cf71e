package org.casetracker.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical JSON of docs/audit.md, rule by rule. */
class CanonicalJsonTest {

    @Test
    void membersAreSortedByUtf16CodeUnitsAtEveryDepthWithoutWhitespace() throws JsonProcessingException {
        String text = CanonicalJson.text(CanonicalJson.parse("""
                { "b" : 1, "a" : { "z": true, "é": null, "Z": false, "\uD83D\uDE00": 1, "\uFFFF": 2 },
                  "aa": [ 3, {"y": 1, "x": 2} ] }"""));
        // "Z" (U+005A) < "z" (U+007A) < "é" (U+00E9) < the emoji (surrogate U+D83D) < U+FFFF
        assertThat(text).isEqualTo("{\"a\":{\"Z\":false,\"z\":true,\"é\":null,\"\uD83D\uDE00\":1,\"\uFFFF\":2},"
                + "\"aa\":[3,{\"x\":2,\"y\":1}],\"b\":1}");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControlCharacters() throws JsonProcessingException {
        String text = CanonicalJson.text(CanonicalJson.parse(
                "\"q\\\" b\\\\ \\b\\t\\n\\f\\r \\u0001 \\u001F / \\u00e9 \\u2028 \\ud83d\\ude00\""));
        assertThat(text).isEqualTo("\"q\\\" b\\\\ \\b\\t\\n\\f\\r \\u0001 \\u001f / é \u2028 \uD83D\uDE00\"");
        assertThat(CanonicalJson.bytes(CanonicalJson.parse("\"é\""))).isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreWrittenInPlainDecimal() throws JsonProcessingException {
        assertThat(CanonicalJson.text(CanonicalJson.parse("[100, -0, 0.0, 1.50, 1E2, 2.5e-3, -12.340, 12345678901234567890]")))
                .isEqualTo("[100,0,0,1.5,100,0.0025,-12.34,12345678901234567890]");
        assertThat(CanonicalJson.number(new BigDecimal("1.000"))).isEqualTo("1");
    }

    @Test
    void anUnpairedSurrogateCannotBeCanonical() throws JsonProcessingException {
        assertThatThrownBy(() -> CanonicalJson.text(CanonicalJson.parse("\"\\ud800\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void readingIsStrict() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1} x")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{'a':1}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void storedMetadataThatIsNotAJsonObjectIsHashedAsBase64() {
        StoredEvent event = new StoredEvent(7, "e", "a", 0, null, "2021-01-01T00:00:00Z", "T", null,
                new byte[]{(byte) 0xff, 0x00}, "[1]".getBytes(StandardCharsets.UTF_8), null);
        ObjectNode canonical = event.canonical();
        assertThat(canonical.has("payload")).isFalse();
        assertThat(canonical.get("payloadBase64").textValue()).isEqualTo("/wA=");
        assertThat(canonical.get("metaDataBase64").textValue()).isEqualTo("WzFd");
        assertThat(canonical.get("aggregateType").isNull()).isTrue();
    }
}
