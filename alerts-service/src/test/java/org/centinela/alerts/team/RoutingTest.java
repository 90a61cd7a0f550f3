package org.centinela.alerts.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.centinela.alerts.team.Routing.Decision;
import org.centinela.contract.vocabulary.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest {

    @ParameterizedTest(name = "team {0} min {1} digest {2}, incident {3} {4} → {5}")
    @CsvSource({
            "PE-CAJ,        HIGH,     true,  PE-CAJ, CRITICAL, ALERT",
            "PE-CAJ,        HIGH,     true,  PE-CAJ, HIGH,     ALERT",
            "PE-CAJ,        HIGH,     true,  PE-CAJ, NORMAL,   DIGEST",
            "PE-CAJ,        HIGH,     false, PE-CAJ, NORMAL,   NONE",
            "PE-CAJ,        HIGH,     true,  PE-LOR, CRITICAL, NONE",
            "PE-CAJ PE-LOR, HIGH,     true,  PE-LOR, CRITICAL, ALERT",
            "'',            HIGH,     true,  PE-LOR, HIGH,     ALERT",
            "'',            CRITICAL, true,  PE-LOR, HIGH,     DIGEST",
            "PE-CAJ,        CRITICAL, true,  PE-CAJ, CRITICAL, ALERT",
            "PE-CAJ,        CRITICAL, false, PE-CAJ, HIGH,     NONE",
            "PE-CAJ,        NORMAL,   true,  PE-CAJ, HIGH,     ALERT",
            "PE-CAJ,        NORMAL,   true,  PE-CAJ, NORMAL,   DIGEST",
    })
    void decides(String teamRegions, Priority minPriority, boolean digest, String region, Priority priority,
                 Decision expected) {
        List<String> regions = teamRegions.isBlank() ? List.of() : Arrays.asList(teamRegions.split(" "));
        assertThat(Routing.decide(regions, minPriority, digest, region, priority)).isEqualTo(expected);
    }
}
