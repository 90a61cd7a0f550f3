package org.centinela.demo.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.centinela.demo.api.CentinelaApi;
import org.centinela.demo.api.CentinelaApi.Principal;

/**
 * The demo organisation, its two teams and a viewer: those of the state file when the system still knows them,
 * new ones otherwise. The state is saved after each creation, so that an interrupted run loses no token.
 */
public final class DemoPrincipals {

    static final String ORGANISATION = "Organización de demostración (datos sintéticos)";
    static final String ACRONYM = "DEMO";
    static final String VIEWER = "Tablero de demostración";

    private final CentinelaApi api;
    private final Path stateFile;
    private final Consumer<String> log;

    public DemoPrincipals(CentinelaApi api, Path stateFile, Consumer<String> log) {
        this.api = api;
        this.stateFile = stateFile;
        this.log = log;
    }

    public DemoState ensure(DemoState state, String webhookUrl, String webhookSecret) throws IOException {
        if (state.organisation() == null || !api.reporterTokenWorks(state.organisation().token())) {
            if (state.organisation() != null) {
                log.accept("the demo organisation of the state file is unknown to intake: making a new one "
                        + "(its incidents are posted again, beside the old ones)");
            }
            state = save(state.withOrganisation(api.createOrganisation(ORGANISATION, ACRONYM)));
            log.accept("created organisation " + ORGANISATION + " [organisationId=" + state.organisation().id() + "]");
        }
        if (state.emailTeam() == null || api.team(state.emailTeam().id()).isEmpty()) {
            state = save(state.withEmailTeam(api.createTeam(DemoTeams.email())));
            log.accept("created e-mail team [teamId=" + state.emailTeam().id() + "]");
        }
        Optional<JsonNode> webhookTeam = state.webhookTeam() == null ? Optional.empty() : api.team(state.webhookTeam().id());
        if (webhookTeam.isEmpty()) {
            Principal created = api.createTeam(DemoTeams.webhook(webhookUrl, webhookSecret, state.emailTeam().id()));
            state = save(state.withWebhookTeam(created, webhookUrl));
            log.accept("created webhook team [teamId=" + created.id() + "] → " + webhookUrl);
        } else if (!webhookUrl.equals(state.webhookUrl())) {
            api.replaceTeam(state.webhookTeam().id(), DemoTeams.webhook(webhookUrl, webhookSecret, state.emailTeam().id()));
            state = save(state.withWebhookTeam(state.webhookTeam(), webhookUrl));
            log.accept("webhook team now posts to " + webhookUrl + " [teamId=" + state.webhookTeam().id() + "]");
        }
        if (state.viewer() == null || !api.viewerTokenWorks(state.viewer().token())) {
            state = save(state.withViewer(api.createViewer(VIEWER)));
            log.accept("created viewer " + VIEWER + " [viewerId=" + state.viewer().id() + "]");
        }
        return state;
    }

    private DemoState save(DemoState state) throws IOException {
        state.save(stateFile);
        return state;
    }
}
