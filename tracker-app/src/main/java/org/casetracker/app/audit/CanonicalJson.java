package org.casetracker.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical JSON of the audit chain (docs/audit.md, "Canonical JSON"): no whitespace; object members sorted by
 * their names compared as UTF-16 code units; strings with only {@code "} {@code \} and control characters escaped
 * ({@code \b \t \n \f \r}, others as a backslash, u and four lower-case hex digits); numbers in plain decimal (no exponent, no trailing
 * fractional zeros); {@code true}, {@code false}, {@code null}; encoded as UTF-8.
 */
public final class CanonicalJson {

    /** Strict reading: exact numbers, no duplicate member names, nothing after the value. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CanonicalJson() {
    }

    public static JsonNodeFactory nodes() {
        return STRICT.getNodeFactory();
    }

    /** Reads one JSON value strictly. */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return STRICT.readTree(json);
    }

    /** The bytes as UTF-8 text, if they are valid UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The canonical form of {@code value}, as UTF-8 bytes. */
    public static byte[] bytes(JsonNode value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form of {@code value}.
     *
     * @throws IllegalArgumentException if it holds a string with an unpaired surrogate (not representable in UTF-8)
     *                                  or a node that is not plain JSON
     */
    public static String text(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isObject()) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                names.add(member.getKey());
            }
            names.sort(String::compareTo); // UTF-16 code units
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(value.get(names.get(i)), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            string(value.textValue(), out);
        } else if (value.isNumber()) {
            out.append(number(value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue()));
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else {
            throw new IllegalArgumentException("not plain JSON: " + value.getNodeType());
        }
    }

    /** Plain decimal: no exponent, no '+', no leading zeros, no trailing fractional zeros; zero is "0". */
    static String number(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("a string holds an unpaired surrogate at " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
