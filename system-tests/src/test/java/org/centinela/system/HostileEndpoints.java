package org.centinela.system;

import java.util.List;
import java.util.Map;

/** Every endpoint of the three services, with what its body is and which query parameters it reads. */
final class HostileEndpoints {

    enum Body { NONE, INCIDENT, UPDATE, ORGANISATION, TEAM, VIEWER }

    record Endpoint(String method, String path, Body body, List<String> parameters) {

        /**
         * A POST here starts a maintenance job for an admin (a rebuild, a re-encryption) whatever its body: work, not
         * hostile input, so the suite sends anything but GET there with other tokens only.
         */
        boolean startsWorkFor(String method) {
            return path.startsWith("/api/v1/admin/") && !"GET".equals(method);
        }
    }

    private static final List<String> STATS = List.of("from", "to", "region", "violation", "sector", "perpetratorKind",
            "exact", "interval", "groupBy");

    static final Map<String, List<Endpoint>> BY_SERVICE = Map.of(
            "intake", List.of(
                    new Endpoint("GET", "/api/v1/vocabularies", Body.NONE, List.of()),
                    new Endpoint("POST", "/api/v1/organisations", Body.ORGANISATION, List.of()),
                    new Endpoint("GET", "/api/v1/organisations", Body.NONE, List.of()),
                    new Endpoint("DELETE", "/api/v1/organisations/{id}", Body.NONE, List.of()),
                    new Endpoint("POST", "/api/v1/incidents", Body.INCIDENT, List.of()),
                    new Endpoint("GET", "/api/v1/incidents", Body.NONE, List.of("page", "size", "region", "from", "to")),
                    new Endpoint("GET", "/api/v1/incidents/{id}", Body.NONE, List.of()),
                    new Endpoint("POST", "/api/v1/incidents/{id}/updates", Body.UPDATE, List.of()),
                    new Endpoint("GET", "/api/v1/incidents/{id}/audit", Body.NONE, List.of()),
                    new Endpoint("POST", "/api/v1/admin/reencrypt", Body.NONE, List.of()),
                    new Endpoint("GET", "/api/v1/admin/reencrypt", Body.NONE, List.of())),
            "alerts", List.of(
                    new Endpoint("POST", "/api/v1/teams", Body.TEAM, List.of()),
                    new Endpoint("GET", "/api/v1/teams", Body.NONE, List.of()),
                    new Endpoint("GET", "/api/v1/teams/{id}", Body.NONE, List.of()),
                    new Endpoint("PUT", "/api/v1/teams/{id}", Body.TEAM, List.of()),
                    new Endpoint("DELETE", "/api/v1/teams/{id}", Body.NONE, List.of()),
                    new Endpoint("GET", "/api/v1/alerts", Body.NONE, List.of("status", "page", "size")),
                    new Endpoint("GET", "/api/v1/alerts/{id}", Body.NONE, List.of()),
                    new Endpoint("POST", "/api/v1/alerts/{id}/acknowledge", Body.NONE, List.of()),
                    new Endpoint("POST", "/api/v1/admin/reencrypt", Body.NONE, List.of()),
                    new Endpoint("GET", "/api/v1/admin/reencrypt", Body.NONE, List.of())),
            "reporting", List.of(
                    new Endpoint("POST", "/api/v1/viewers", Body.VIEWER, List.of()),
                    new Endpoint("DELETE", "/api/v1/viewers/{id}", Body.NONE, List.of()),
                    new Endpoint("GET", "/api/v1/stats/summary", Body.NONE, STATS),
                    new Endpoint("GET", "/api/v1/stats/timeseries", Body.NONE, STATS),
                    new Endpoint("GET", "/api/v1/stats/alerts", Body.NONE, STATS),
                    new Endpoint("GET", "/api/v1/stats/export.csv", Body.NONE, STATS),
                    new Endpoint("POST", "/api/v1/admin/rebuild", Body.NONE, List.of()),
                    new Endpoint("GET", "/api/v1/admin/rebuild", Body.NONE, List.of()),
                    new Endpoint("GET", "/dashboard/labels", Body.NONE, List.of()),
                    new Endpoint("GET", "/", Body.NONE, List.of())));

    private HostileEndpoints() {
    }
}
