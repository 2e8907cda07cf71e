package org.casetracker.app.http;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.PartyRole;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The day a case was filed is kept for the filings that follow once its opening has committed
 * ({@code EventStoreDocketDirectory}): the rule "no filing before its case was filed" holds with the kept day, and
 * an opening whose transaction rolled back is never kept, though a filing of that transaction had read it.
 */
class CaseFiledOnOfCommittedCasesTest extends RecordedAppTest {

    private static final Source SOURCE = new Source("https://example.org/filed-on (test)", Verification.UNVERIFIED);
    private static final LocalDate FILED_ON = LocalDate.of(2021, 3, 2);

    @Autowired
    CommandGateway gateway;

    @Autowired
    DocketWriter writer;

    @Test
    void filingsOfACommittedCaseAreCheckedAgainstItsFilingDayEveryTime() {
        CaseId caseId = newCaseId();
        writer.write(() -> gateway.sendAndWait(openCase(caseId)));

        for (int entry = 1; entry <= 3; entry++) {
            gateway.sendAndWait(filing(caseId, entry, FILED_ON.plusDays(entry)));
            RecordFiling tooEarly = filing(caseId, 100 + entry, FILED_ON.minusDays(1));
            assertThatThrownBy(() -> gateway.sendAndWait(tooEarly)).isInstanceOf(DocketRuleViolation.class)
                    .hasMessageContaining("before the case was filed on " + FILED_ON);
        }
        gateway.sendAndWait(filing(caseId, 4, FILED_ON)); // the day itself is allowed
    }

    @Test
    void anOpeningRolledBackIsNotKeptThoughAFilingOfItsTransactionReadIt() {
        CaseId caseId = newCaseId();
        assertThatThrownBy(() -> writer.write(() -> {
            gateway.sendAndWait(openCase(caseId));
            gateway.sendAndWait(filing(caseId, 1, FILED_ON)); // reads the opening, not yet committed
            throw new AbandonedWrite();
        })).isInstanceOf(AbandonedWrite.class);

        assertThatThrownBy(() -> gateway.sendAndWait(filing(caseId, 2, FILED_ON)))
                .isInstanceOf(DocketRuleViolation.class).hasMessageContaining("no case " + caseId);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, caseId.value() + "%")).isZero();
    }

    private static final class AbandonedWrite extends RuntimeException {
        AbandonedWrite() {
            super("the test abandons this write");
        }
    }

    private static CaseId newCaseId() {
        return CaseId.of("test", docketNumber(UUID.randomUUID().toString().substring(0, 8)));
    }

    private static OpenCase openCase(CaseId caseId) {
        String docketNumber = docketNumber(caseId.value().substring(caseId.value().length() - 8));
        return new OpenCase(caseId, "test", "Test Court", docketNumber,
                "Filer LLC v. Holder Inc.", FILED_ON, "Jane Q. Judge",
                List.of(new Party("Filer LLC", PartyRole.PLAINTIFF, List.of())), SOURCE);
    }

    private static String docketNumber(String suffix) {
        return "9:21-cv-" + suffix;
    }

    private static RecordFiling filing(CaseId caseId, int entry, LocalDate dateFiled) {
        return new RecordFiling(FilingId.numbered(caseId, entry), caseId, entry, dateFiled, false, "Filer LLC",
                FilingType.DECLARATION, "Declaration " + entry, null, null, null, SOURCE, FilingEffects.NONE);
    }
}
