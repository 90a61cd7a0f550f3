package org.centinela.intake.organisation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.centinela.platform.security.RevocationPublisher;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.jboss.logging.Logger;

/** Registers organisations, hands out their reporter token once, and revokes it on deletion. */
@ApplicationScoped
public class Organisations {

    private static final Logger LOG = Logger.getLogger(Organisations.class);

    private final TokenService tokens;
    private final RevocationPublisher revocations;
    // Names never change, so the incident path reads them from memory once per organisation.
    private final Map<UUID, String> names = new ConcurrentHashMap<>();

    public Organisations(TokenService tokens, RevocationPublisher revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @Transactional
    public OrganisationView create(OrganisationRequest request) {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.name = request.name().trim();
        organisation.acronym = request.acronym().trim();
        organisation.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        organisation.persist();
        LOG.infof("Organisation registered [organisationId=%s]", organisation.id);
        return OrganisationView.of(organisation, tokens.issue(organisation.id, Role.REPORTER));
    }

    @Transactional
    public List<OrganisationView> list() {
        return Organisation.active().stream().map(organisation -> OrganisationView.of(organisation, null)).toList();
    }

    /**
     * Revokes the organisation's token everywhere (waiting for the broker), then marks it deleted. Its incidents
     * stay. Returns false for an unknown organisation.
     */
    public boolean delete(UUID id) {
        boolean known = QuarkusTransaction.requiringNew().call(() -> Organisation.findById(id) != null);
        if (!known) {
            return false;
        }
        revocations.revoke(id, Role.REPORTER);
        QuarkusTransaction.requiringNew().run(() -> {
            Organisation organisation = Organisation.findById(id);
            if (organisation.deletedAt == null) {
                organisation.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
        });
        LOG.infof("Organisation deleted and its token revoked [organisationId=%s]", id);
        return true;
    }

    /**
     * The name of an organisation, or empty when it is unknown or was deleted before its name was first asked for
     * (a deleted organisation's token is refused before this is reached). Call inside a transaction.
     */
    public Optional<String> activeName(UUID id) {
        String cached = names.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Organisation organisation = Organisation.findById(id);
        if (organisation == null || organisation.isDeleted()) {
            return Optional.empty();
        }
        names.put(id, organisation.name);
        return Optional.of(organisation.name);
    }
}
