package org.centinela.alerts.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityRulesTest {

    /** The defaults of SPEC §5, as application.properties leaves them. */
    private static final PriorityRules SPEC_DEFAULTS = new PriorityRules(
            List.of(Violation.KILLING, Violation.ATTEMPTED_KILLING, Violation.ENFORCED_DISAPPEARANCE, Violation.ABDUCTION,
                    Violation.SEXUAL_VIOLENCE, Violation.TORTURE_OR_ILL_TREATMENT),
            List.of(Violation.PHYSICAL_ATTACK, Violation.DEATH_THREAT, Violation.ARBITRARY_DETENTION),
            List.of(Violation.THREAT_OR_INTIMIDATION, Violation.RAID_OR_BREAK_IN, Violation.EXCESSIVE_FORCE_AT_PROTEST));

    @ParameterizedTest(name = "{0}, riskOngoing={1} → {2}")
    @CsvSource({
            "KILLING,                               false, CRITICAL",
            "ATTEMPTED_KILLING,                     false, CRITICAL",
            "ENFORCED_DISAPPEARANCE,                false, CRITICAL",
            "ABDUCTION,                             false, CRITICAL",
            "SEXUAL_VIOLENCE,                       false, CRITICAL",
            "TORTURE_OR_ILL_TREATMENT,              false, CRITICAL",
            "HARASSMENT KILLING,                    false, CRITICAL",
            "PHYSICAL_ATTACK,                       false, HIGH",
            "DEATH_THREAT,                          false, HIGH",
            "ARBITRARY_DETENTION,                   false, HIGH",
            "DEATH_THREAT ABDUCTION,                true,  CRITICAL",
            "THREAT_OR_INTIMIDATION,                true,  HIGH",
            "THREAT_OR_INTIMIDATION,                false, NORMAL",
            "RAID_OR_BREAK_IN,                      true,  HIGH",
            "RAID_OR_BREAK_IN,                      false, NORMAL",
            "EXCESSIVE_FORCE_AT_PROTEST,            true,  HIGH",
            "EXCESSIVE_FORCE_AT_PROTEST,            false, NORMAL",
            "HARASSMENT,                            true,  NORMAL",
            "CRIMINALISATION DEFAMATION SURVEILLANCE, true, NORMAL",
            "OTHER,                                 false, NORMAL",
    })
    void specDefaults(String violations, boolean riskOngoing, Priority expected) {
        assertThat(SPEC_DEFAULTS.of(parse(violations), riskOngoing)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, riskOngoing={1} → {2}")
    @CsvSource({
            "HARASSMENT,             false, CRITICAL",
            "KILLING,                false, HIGH",
            "DIGITAL_ATTACK,         true,  HIGH",
            "DIGITAL_ATTACK,         false, NORMAL",
            "THREAT_OR_INTIMIDATION, true,  NORMAL",
    })
    void configuredRulesReplaceTheDefaults(String violations, boolean riskOngoing, Priority expected) {
        PriorityRules configured = new PriorityRules(List.of(Violation.HARASSMENT), List.of(Violation.KILLING),
                List.of(Violation.DIGITAL_ATTACK));
        assertThat(configured.of(parse(violations), riskOngoing)).isEqualTo(expected);
    }

    private static List<Violation> parse(String codes) {
        return Arrays.stream(codes.trim().split("\\s+")).map(Violation::valueOf).toList();
    }
}
