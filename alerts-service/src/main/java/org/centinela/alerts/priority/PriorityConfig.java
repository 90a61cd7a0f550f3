package org.centinela.alerts.priority;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import org.centinela.contract.vocabulary.Violation;

/**
 * The priority rules of SPEC §5, changeable by configuration (e.g. {@code CENTINELA_PRIORITY_HIGH_VIOLATIONS})
 * without touching code. Each list holds violation codes.
 */
@ConfigMapping(prefix = "centinela.priority")
public interface PriorityConfig {

    /** Any of these makes an incident CRITICAL. */
    @WithDefault("KILLING,ATTEMPTED_KILLING,ENFORCED_DISAPPEARANCE,ABDUCTION,SEXUAL_VIOLENCE,TORTURE_OR_ILL_TREATMENT")
    List<Violation> criticalViolations();

    /** Any of these makes an incident at least HIGH. */
    @WithDefault("PHYSICAL_ATTACK,DEATH_THREAT,ARBITRARY_DETENTION")
    List<Violation> highViolations();

    /** Any of these makes an incident at least HIGH while the risk is ongoing. */
    @WithDefault("THREAT_OR_INTIMIDATION,RAID_OR_BREAK_IN,EXCESSIVE_FORCE_AT_PROTEST")
    List<Violation> highIfRiskOngoingViolations();
}
