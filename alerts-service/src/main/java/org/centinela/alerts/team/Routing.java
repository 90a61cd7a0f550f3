package org.centinela.alerts.team;

import java.util.List;
import org.centinela.contract.vocabulary.Priority;

/** What a team gets for an incident: an alert, a line in its daily digest, or nothing. */
public final class Routing {

    public enum Decision { ALERT, DIGEST, NONE }

    private Routing() {
    }

    /**
     * @param teamRegions the team's regions; empty means the whole country
     */
    public static Decision decide(List<String> teamRegions, Priority minPriority, boolean digest,
                                  String region, Priority priority) {
        if (!teamRegions.isEmpty() && !teamRegions.contains(region)) {
            return Decision.NONE;
        }
        if (priority != Priority.NORMAL && priority.atLeast(minPriority)) {
            return Decision.ALERT;
        }
        return digest ? Decision.DIGEST : Decision.NONE;
    }
}
