package org.centinela.reporting.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Labelled;
import org.centinela.contract.vocabulary.PerpetratorKind;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The labels the dashboard page shows (codes with Spanish and English labels, region names). Public like the
 * page itself: it holds no figures, only the published vocabularies.
 */
@Path("/dashboard/labels")
@Tag(name = "Dashboard")
public class VocabularyResource {

    private final Map<String, Object> labels;

    public VocabularyResource(Regions regions) {
        Map<String, Object> all = new LinkedHashMap<>();
        Map<String, String> regionNames = new LinkedHashMap<>();
        regions.all().forEach(region -> regionNames.put(region.code(), region.name()));
        all.put("regions", regionNames);
        all.put("violations", labelled(Violation.values()));
        all.put("perpetratorKinds", labelled(PerpetratorKind.values()));
        all.put("sectors", labelled(Sector.values()));
        all.put("justiceStatus", labelled(JusticeStatus.values()));
        this.labels = all;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vocabulary labels for the dashboard: {code: {es, en}}, region names")
    public Map<String, Object> labels() {
        return labels;
    }

    private static Map<String, Map<String, String>> labelled(Labelled[] values) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (Labelled value : values) {
            labels.put(value.name(), Map.of("es", value.es(), "en", value.en()));
        }
        return labels;
    }
}
