package org.centinela.demo.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.centinela.contract.vocabulary.Region;
import org.centinela.contract.vocabulary.Regions;

/**
 * The demo's two rapid-response teams (SPEC §5): the north and the Amazon with a signed webhook to the demo's
 * receiver, the south and centre by e-mail, which the first escalates to. Urgent incidents (HIGH and CRITICAL) of
 * their regions raise alerts; the rest go to their daily digest. Escalation after a week, the longest a team may
 * set, so that the thousands of historical alerts of the demo do not escalate while someone looks at them.
 */
public final class DemoTeams {

    public static final String EMAIL_ADDRESS = "proteccion-sur@demo.centinela.example";
    static final List<String> NORTH_AND_AMAZON = List.of("PE-AMA", "PE-ANC", "PE-CAJ", "PE-HUC", "PE-JUN", "PE-LAL",
            "PE-LAM", "PE-LOR", "PE-MDD", "PE-PAS", "PE-PIU", "PE-SAM", "PE-TUM", "PE-UCA");
    private static final int A_WEEK_IN_MINUTES = 7 * 24 * 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoTeams() {
    }

    static ObjectNode email() {
        ObjectNode team = base("Coordinación de protección Sur y Centro (demo)", southAndCentre());
        team.putArray("channels").addObject().put("type", "EMAIL").put("address", EMAIL_ADDRESS);
        team.putNull("escalationTeamId");
        return team;
    }

    static ObjectNode webhook(String url, String secret, String escalationTeamId) {
        ObjectNode team = base("Brigada de respuesta rápida Norte y Amazonía (demo)", NORTH_AND_AMAZON);
        team.putArray("channels").addObject().put("type", "WEBHOOK").put("url", url).put("secret", secret);
        team.put("escalationTeamId", escalationTeamId);
        return team;
    }

    private static List<String> southAndCentre() {
        return Regions.of("PE").all().stream().map(Region::code).filter(code -> !NORTH_AND_AMAZON.contains(code)).toList();
    }

    private static ObjectNode base(String name, List<String> regions) {
        ObjectNode team = JSON.createObjectNode();
        team.put("name", name);
        team.put("language", "es");
        ArrayNode codes = team.putArray("regions");
        regions.forEach(codes::add);
        team.put("minPriority", "HIGH");
        team.put("escalateAfterMinutes", A_WEEK_IN_MINUTES);
        team.put("digest", true);
        return team;
    }
}
