package org.centinela.intake.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An organisation as the API shows it; {@code token} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationView(UUID id, String name, String acronym, Instant createdAt, String token) {

    static OrganisationView of(Organisation organisation, String token) {
        return new OrganisationView(organisation.id, organisation.name, organisation.acronym, organisation.createdAt, token);
    }
}
