package org.casetracker.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Free text a store can keep: PostgreSQL's text refuses NUL, so it is refused at the door, naming the field. */
class TextTest {

    @Test
    void aNulCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Text.required("title", "Notice\u0000of appearance", 200))
                .isInstanceOfSatisfying(DocketRuleViolation.class,
                        violation -> assertThat(violation.getMessage()).contains("U+0000"));
        assertThatThrownBy(() -> Text.optional("description", "a\u0000", 200))
                .isInstanceOf(DocketRuleViolation.class);
    }

    @Test
    void otherTextIsKeptStripped() {
        assertThat(Text.required("title", "  Notice of appearance\t", 200)).isEqualTo("Notice of appearance");
        assertThat(Text.optional("description", "   ", 200)).isNull();
    }
}
