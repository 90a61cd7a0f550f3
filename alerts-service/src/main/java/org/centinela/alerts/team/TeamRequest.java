package org.centinela.alerts.team;

import java.util.List;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST and PUT /api/v1/teams (SPEC §5, §9). Absent optional fields take their defaults. */
@Schema(example = """
        {"name":"Brigada Cajamarca","language":"es","regions":["PE-CAJ"],"minPriority":"HIGH",
         "channels":[{"type":"EMAIL","address":"alertas@brigada.example"},
                     {"type":"WEBHOOK","url":"https://brigada.example/hooks/centinela","secret":"a-long-shared-secret"}],
         "escalateAfterMinutes":30,"escalationTeamId":null,"digest":true,"repeatEveryMinutes":10,"maxRepeats":3}""")
public record TeamRequest(
        String name,
        String language,
        List<String> regions,
        Priority minPriority,
        List<ChannelInput> channels,
        Integer escalateAfterMinutes,
        UUID escalationTeamId,
        Boolean digest,
        Integer repeatEveryMinutes,
        Integer maxRepeats,
        List<EscalationStep> escalation,
        Integer fallbackAfterMinutes) {

    /** {@code previousSecret}: while a webhook secret is rotated, the one receivers may still verify with. */
    public record ChannelInput(ChannelType type, String address, String url, String secret, String previousSecret,
                               String chatId, String botToken, String apiBaseUrl, String number,
                               List<String> recipients) {
    }
}
