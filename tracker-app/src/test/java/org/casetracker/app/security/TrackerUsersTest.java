package org.casetracker.app.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The users and tokens as configured, checked at start-up; the generated admin when there are none. */
@ExtendWith(OutputCaptureExtension.class)
class TrackerUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void withNoUserConfiguredAnAdminWithARandomPasswordIsMadeAndItsPasswordLoggedOnce(CapturedOutput output) {
        List<UserDetails> users = TrackerUsers.from(properties(Map.of(), Map.of()));

        assertThat(users).hasSize(1);
        UserDetails admin = users.get(0);
        assertThat(admin.getUsername()).isEqualTo("admin");
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_RECORDER", "ROLE_READER");
        Matcher logged = Pattern.compile("user 'admin', password '([A-Za-z0-9_-]{24})'").matcher(output.getAll());
        assertThat(logged.find()).as(output.getAll()).isTrue();
        String password = logged.group(1);
        assertThat(logged.find()).as("logged once").isFalse();
        assertThat(output.getAll()).contains("WARN");
        // kept as a bcrypt hash only
        assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(encoder.matches(password, admin.getPassword())).isTrue();
        // and a new one each run
        assertThat(encoder.matches(password, TrackerUsers.from(properties(Map.of(), Map.of())).get(0).getPassword()))
                .isFalse();
    }

    @Test
    void configuredUsersHaveTheirHashesAndRoles(CapturedOutput output) {
        String hash = new BCryptPasswordEncoder(4).encode("s3cret-of-clerk");
        List<UserDetails> users = TrackerUsers.from(properties(Map.of(
                "clerk", new TrackerSecurityProperties.User(hash, "recorder, reader"),
                "auditor", new TrackerSecurityProperties.User("{bcrypt}" + hash, "ADMIN"),
                "tester", new TrackerSecurityProperties.User("{noop}plain", "READER")), Map.of()));

        assertThat(users).extracting(UserDetails::getUsername).containsExactly("auditor", "clerk", "tester");
        UserDetails clerk = users.get(1);
        assertThat(clerk.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_RECORDER", "ROLE_READER");
        assertThat(encoder.matches("s3cret-of-clerk", clerk.getPassword())).isTrue();
        assertThat(encoder.matches("s3cret-of-clerk", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("plain", users.get(2).getPassword())).isTrue();
        assertThat(output.getAll()).contains("'tester' has a plain-text password").doesNotContain("s3cret")
                .doesNotContain(hash);
    }

    @Test
    void aHashMadeByHtpasswdAsDocsSecurityMdSaysIsAccepted() {
        // htpasswd -bnBC 10 "" 'correct horse battery' | tr -d ':\n'
        String htpasswd = "$2y$10$Bczan4eeU5kEi1IMxrHhweT6FenBHY7XYtd63yU6AuUXCbiFrKeDe";
        UserDetails clerk = TrackerUsers.from(properties(Map.of(
                "clerk", new TrackerSecurityProperties.User(htpasswd, "RECORDER")), Map.of())).get(0);
        assertThat(encoder.matches("correct horse battery", clerk.getPassword())).isTrue();
        assertThat(encoder.matches("correct horse", clerk.getPassword())).isFalse();
    }

    @Test
    void theSecretsToolMakesAHashThatIsAcceptedAndATokenWithItsHash() throws Exception {
        java.io.InputStream stdin = System.in;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            System.setIn(new java.io.ByteArrayInputStream("tr0ub4dor\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(Secrets.run(new String[]{"password"}, new java.io.PrintStream(out, true),
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isZero();
        } finally {
            System.setIn(stdin);
        }
        String hash = out.toString().strip();
        UserDetails clerk = TrackerUsers.from(properties(Map.of(
                "clerk", new TrackerSecurityProperties.User(hash, "RECORDER")), Map.of())).get(0);
        assertThat(encoder.matches("tr0ub4dor", clerk.getPassword())).isTrue();

        java.io.ByteArrayOutputStream tokenOut = new java.io.ByteArrayOutputStream();
        assertThat(Secrets.run(new String[]{"token"}, new java.io.PrintStream(tokenOut, true), System.err)).isZero();
        Matcher printed = Pattern.compile("token .*:\\s+(\\S+)\\R.*hash .*:\\s+([0-9a-f]{64})").matcher(tokenOut.toString());
        assertThat(printed.find()).as(tokenOut.toString()).isTrue();
        ApiTokens tokens = ApiTokens.from(properties(Map.of(), Map.of(
                "script", new TrackerSecurityProperties.Token(printed.group(2), "clerk"))), Set.of("clerk"));
        assertThat(tokens.find(printed.group(1))).isPresent();
        assertThat(Secrets.run(new String[0], System.out, new java.io.PrintStream(new java.io.ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void aConfigurationThatCannotWorkStopsTheStartNamingTheUser() {
        String hash = new BCryptPasswordEncoder(4).encode("x");
        assertThatThrownBy(() -> TrackerUsers.from(properties(Map.of(
                "clerk", new TrackerSecurityProperties.User("plain-text", "RECORDER")), Map.of())))
                .hasMessageContaining("tracker.security.users.clerk.password").hasMessageNotContaining("plain-text");
        assertThatThrownBy(() -> TrackerUsers.from(properties(Map.of(
                "clerk", new TrackerSecurityProperties.User(hash, "RECORDER,JUDGE")), Map.of())))
                .hasMessageContaining("tracker.security.users.clerk.roles").hasMessageContaining("JUDGE");
        assertThatThrownBy(() -> TrackerUsers.from(properties(Map.of(
                "clerk", new TrackerSecurityProperties.User(hash, " ")), Map.of())))
                .hasMessageContaining("tracker.security.users.clerk.roles");
        assertThatThrownBy(() -> TrackerUsers.from(properties(Map.of(
                "system", new TrackerSecurityProperties.User(hash, "ADMIN")), Map.of())))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> TrackerUsers.from(properties(Map.of(
                "a:b", new TrackerSecurityProperties.User(hash, "ADMIN")), Map.of())))
                .hasMessageContaining("user name");
    }

    @Test
    void tokensAreFoundByTheHashOfTheirSecretAndMustActAsAConfiguredUser() {
        String token = "a-long-random-token-for-the-nightly-script";
        ApiTokens tokens = ApiTokens.from(properties(Map.of(), Map.of(
                "nightly", new TrackerSecurityProperties.Token(ApiTokens.sha256Hex(token).toUpperCase(), "clerk"))),
                Set.of("clerk"));

        assertThat(tokens.find(token)).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("nightly");
            assertThat(found.user()).isEqualTo("clerk");
        });
        assertThat(tokens.find(token + "x")).isEmpty();
        assertThat(tokens.find(ApiTokens.sha256Hex(token))).as("the hash is not the token").isEmpty();
        assertThat(tokens.find(null)).isEmpty();

        assertThatThrownBy(() -> ApiTokens.from(properties(Map.of(), Map.of(
                "nightly", new TrackerSecurityProperties.Token(token, "clerk"))), Set.of("clerk")))
                .hasMessageContaining("tracker.security.tokens.nightly.hash").hasMessageNotContaining(token);
        assertThatThrownBy(() -> ApiTokens.from(properties(Map.of(), Map.of(
                "nightly", new TrackerSecurityProperties.Token(ApiTokens.sha256Hex(token), "nobody"))),
                Set.of("clerk")))
                .hasMessageContaining("tracker.security.tokens.nightly.user");
    }

    @Test
    void theRolesParseWhateverTheirCase() {
        assertThat(Role.parse(" recorder ")).isEqualTo(Role.RECORDER);
        assertThat(Role.RECORDER.authority()).isEqualTo("ROLE_RECORDER");
        assertThatThrownBy(() -> Role.parse("clerk")).hasMessageContaining("READER, RECORDER, ADMIN");
    }

    private static TrackerSecurityProperties properties(Map<String, TrackerSecurityProperties.User> users,
                                                        Map<String, TrackerSecurityProperties.Token> tokens) {
        return new TrackerSecurityProperties(true, users, tokens);
    }
}
