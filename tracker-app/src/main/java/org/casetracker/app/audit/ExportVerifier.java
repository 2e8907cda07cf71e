package org.casetracker.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The offline verifier: checks an export of {@code GET /api/export} from its lines alone, with no database and no
 * tracker running. Prints one JSON line {@code {"valid", "eventsChecked", "headHash", "headPosition",
 * "firstBrokenAt", "problem"}}; exits 0 when the export verifies, 1 when it does not, 2 on a usage or I/O error.
 * <pre>
 * java -cp tracker-app/target/tracker-app-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=org.casetracker.app.audit.ExportVerifier \
 *      org.springframework.boot.loader.launch.PropertiesLauncher verify export.jsonl
 * </pre>
 * ({@code -} reads the export from standard input.) It needs only the JDK and Jackson 2, both inside the jar.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the verifier; answers the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length != 2 || !"verify".equals(args[0])) {
            err.println("usage: ExportVerifier verify <export.jsonl | ->");
            return 2;
        }
        ExportChainCheck.Verdict verdict;
        try (BufferedReader lines = reader("-".equals(args[1]) ? stdin : Files.newInputStream(Path.of(args[1])))) {
            verdict = ExportChainCheck.verify(lines);
        } catch (IOException e) {
            err.println("cannot read " + args[1] + ": " + e);
            return 2;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("valid", verdict.valid());
        report.put("eventsChecked", verdict.eventsChecked());
        report.put("headHash", verdict.headHash());
        report.put("headPosition", verdict.headPosition());
        report.put("firstBrokenAt", verdict.firstBrokenAt());
        report.put("problem", verdict.problem());
        try {
            out.println(new ObjectMapper().writeValueAsString(report));
        } catch (IOException e) {
            err.println("cannot write the report: " + e);
            return 2;
        }
        return verdict.valid() ? 0 : 1;
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is an error, never silently replaced. */
    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
