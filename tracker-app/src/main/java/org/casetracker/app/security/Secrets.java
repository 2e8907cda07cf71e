package org.casetracker.app.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes what the configuration needs, with no tracker running (docs/security.md):
 * <pre>
 * java -cp tracker-app.jar -Dloader.main=org.casetracker.app.security.Secrets \
 *      org.springframework.boot.loader.launch.PropertiesLauncher password   # reads a password, prints its bcrypt hash
 * ... token                                                                 # prints a new random token and its SHA-256
 * </pre>
 * The password is read from the console without echo (or from standard input), never from the command line, so it
 * stays out of the shell's history and the process list.
 */
public final class Secrets {

    private Secrets() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String command = args.length == 1 ? args[0] : "";
        switch (command) {
            case "password" -> {
                String password = readPassword(err);
                if (password == null || password.isBlank()) {
                    err.println("no password given");
                    return 2;
                }
                out.println(new BCryptPasswordEncoder(10).encode(password));
                return 0;
            }
            case "token" -> {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                out.println("token (give it to the script, keep it secret): " + token);
                out.println("hash  (tracker.security.tokens.<name>.hash):   " + ApiTokens.sha256Hex(token));
                return 0;
            }
            default -> {
                err.println("usage: Secrets password   (reads a password, prints its bcrypt hash)");
                err.println("       Secrets token      (prints a new API token and its SHA-256)");
                return 2;
            }
        }
    }

    private static String readPassword(PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        err.println("reading the password from standard input");
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
