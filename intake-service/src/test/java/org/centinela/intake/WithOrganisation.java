package org.centinela.intake;

import static org.centinela.testkit.IncidentBody.marker;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.BeforeEach;

/** Where most of intake's API tests start: a member organisation of their own, and intake's database to count rows. */
abstract class WithOrganisation {

    static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    Database db;
    Api.Principal org;

    @BeforeEach
    void registerOrganisation() {
        db = new Database(dataSource);
        org = API.createOrganisation("Org " + marker());
    }
}
