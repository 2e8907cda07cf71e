package org.casetracker.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The API tokens scripts send as {@code Authorization: Bearer <token>}. Only the SHA-256 of each token is
 * configured ({@code tracker.security.tokens.<name>.hash}), so neither the configuration nor a memory dump
 * gives a token away; a token acts as the configured user it names ({@code .user}), with that user's roles.
 * A token is long and random (see docs/security.md), so one fast hash is enough: there is nothing to guess.
 */
final class ApiTokens {

    /** A configured token: its name (for the log), the user it acts as, and the hash of its secret. */
    record ApiToken(String name, String user, byte[] hash) {
    }

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Tokens shorter than this are refused outright: they could be guessed. */
    static final int MIN_TOKEN_LENGTH = 20;
    static final int MAX_TOKEN_LENGTH = 512;

    private final List<ApiToken> tokens;

    private ApiTokens(List<ApiToken> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    static ApiTokens from(TrackerSecurityProperties properties, Set<String> userNames) {
        List<ApiToken> tokens = new ArrayList<>();
        for (Map.Entry<String, TrackerSecurityProperties.Token> entry : new TreeMap<>(properties.tokens()).entrySet()) {
            String where = "tracker.security.tokens." + entry.getKey();
            TrackerSecurityProperties.Token token = entry.getValue();
            String hash = token == null || token.hash() == null ? "" : token.hash().strip().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalStateException(where + ".hash must be the SHA-256 of the token, 64 hex digits "
                        + "(never the token itself); see docs/security.md");
            }
            if (token.user() == null || !userNames.contains(token.user().strip())) {
                throw new IllegalStateException(where + ".user must name a configured user (tracker.security.users)");
            }
            byte[] bytes = HexFormat.of().parseHex(hash);
            for (ApiToken other : tokens) {
                if (MessageDigest.isEqual(other.hash(), bytes)) {
                    throw new IllegalStateException(where + ".hash is the same as that of token " + other.name());
                }
            }
            tokens.add(new ApiToken(entry.getKey(), token.user().strip(), bytes));
        }
        return new ApiTokens(tokens);
    }

    /** The token whose hash is the hash of {@code presented}; every configured token is compared, in constant time. */
    Optional<ApiToken> find(String presented) {
        if (presented == null || presented.length() < MIN_TOKEN_LENGTH || presented.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        ApiToken found = null;
        for (ApiToken token : tokens) {
            if (MessageDigest.isEqual(token.hash(), hash)) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }
}
