package org.centinela.intake.reencryption;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.centinela.platform.crypto.CipherTable;
import org.centinela.platform.crypto.CipherTable.Column;
import org.centinela.platform.crypto.CipherTables;

/** Every ciphertext intake-service stores: an incident's personal parts, history notes, idempotent answers. */
@ApplicationScoped
public class IntakeCipherTables implements CipherTables {

    @Override
    public List<CipherTable> tables() {
        return List.of(
                CipherTable.of("incident", List.of("id"), Column.ciphertext("description_enc"),
                        Column.ciphertext("confidential_enc"), Column.ciphertext("location_enc")),
                CipherTable.of("incident_history", List.of("id"), Column.ciphertext("note_enc")),
                CipherTable.of("idempotency_key", List.of("organisation_id", "key"), Column.ciphertext("body_enc")));
    }
}
