package org.centinela.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SPEC §9's access table, one line per concrete endpoint, in the SPEC's own symbols (✔, —, own, alerted, own team),
 * and the status each kind of caller must get from it: — is 403, "own" and "alerted" are the success status for
 * the owner or the alerted and escalation teams and 404 for everyone else of that role (on an item; on a list, 200
 * without the item), any credential that is not valid is 401.
 */
final class AccessTable {

    /** The callers of the matrix: the SPEC's four roles split by relation to the incident, then bad credentials. */
    enum Caller {
        ADMIN, OWN_REPORTER, OTHER_REPORTER, ALERTED_RESPONDER, ESCALATION_RESPONDER, UNRELATED_RESPONDER, VIEWER,
        REVOKED, EXPIRED, OTHER_KEY, ALG_NONE, MALFORMED, NONE;

        boolean validCredential() {
            return ordinal() <= VIEWER.ordinal();
        }
    }

    /**
     * method, service, path ({id} of the test's incident or alert), success status | admin | reporter | responder |
     * viewer. SPEC §9's rows, then the admins' reads its table leaves implicit (lists of organisations and teams,
     * re-encryption progress).
     */
    static final String TABLE = """
            GET    intake    /api/v1/vocabularies             200 | ✔ | ✔   | ✔                  | ✔
            POST   intake    /api/v1/organisations            201 | ✔ | —   | —                  | —
            DELETE intake    /api/v1/organisations/{fresh}    204 | ✔ | —   | —                  | —
            POST   alerts    /api/v1/teams                    201 | ✔ | —   | —                  | —
            DELETE alerts    /api/v1/teams/{fresh}            204 | ✔ | —   | —                  | —
            POST   reporting /api/v1/viewers                  201 | ✔ | —   | —                  | —
            DELETE reporting /api/v1/viewers/{fresh}          204 | ✔ | —   | —                  | —
            POST   intake    /api/v1/incidents                201 | — | ✔   | —                  | —
            GET    intake    /api/v1/incidents                200 | ✔ | own | alerted (GET only) | —
            GET    intake    /api/v1/incidents/{incident}     200 | ✔ | own | alerted (GET only) | —
            POST   intake    /api/v1/incidents/{incident}/updates 200 | ✔ | own | alerted (GET only) | —
            GET    intake    /api/v1/incidents/{incident}/audit 200 | ✔ | own | —                | —
            GET    alerts    /api/v1/alerts                   200 | ✔ | —   | own team           | —
            GET    alerts    /api/v1/alerts/{alert}           200 | ✔ | —   | own team           | —
            POST   alerts    /api/v1/alerts/{alert}/acknowledge 200 | ✔ | — | own team           | —
            GET    reporting /api/v1/stats/summary            200 | ✔ | —   | —                  | ✔
            GET    reporting /api/v1/stats/timeseries?interval=year&groupBy=region&from=2020-01-01&to=2020-12-31 200 | ✔ | —   | —                  | ✔
            GET    reporting /api/v1/stats/alerts             200 | ✔ | —   | —                  | ✔
            GET    reporting /api/v1/stats/export.csv         200 | ✔ | —   | —                  | ✔
            GET    reporting /api/v1/admin/rebuild            200 | ✔ | —   | —                  | —
            POST   reporting /api/v1/admin/rebuild            202 | ✔ | —   | —                  | —
            GET    intake    /api/v1/organisations            200 | ✔ | —   | —                  | —
            GET    alerts    /api/v1/teams                    200 | ✔ | —   | —                  | —
            GET    intake    /api/v1/admin/reencrypt          200 | ✔ | —   | —                  | —
            GET    alerts    /api/v1/admin/reencrypt          200 | ✔ | —   | —                  | —
            """;

    /** One line: the request and, per caller, the status expected and whether a list must show the item. */
    record Row(String method, String service, String path, Map<Caller, Expected> expected) {

        boolean isList() {
            return path.equals("/api/v1/incidents") || path.equals("/api/v1/alerts");
        }

        @Override
        public String toString() {
            return method + " " + service + " " + path;
        }
    }

    /** {@code listed}: on a list answered 200, whether the test's item is in it. */
    record Expected(int status, boolean listed) {
    }

    private AccessTable() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String[] request = cells[0].trim().split("\\s+");
            String method = request[0];
            int success = Integer.parseInt(request[3]);
            Map<Caller, Expected> expected = new java.util.EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                expected.put(caller, expected(caller, cells, method, success, request[2]));
            }
            rows.add(new Row(method, request[1], request[2], expected));
        }
        return rows;
    }

    private static Expected expected(Caller caller, String[] cells, String method, int success, String path) {
        if (!caller.validCredential()) {
            return new Expected(401, false);
        }
        int column = switch (caller) {
            case ADMIN -> 1;
            case OWN_REPORTER, OTHER_REPORTER -> 2;
            case ALERTED_RESPONDER, ESCALATION_RESPONDER, UNRELATED_RESPONDER -> 3;
            default -> 4;
        };
        String cell = cells[column].trim();
        boolean list = path.equals("/api/v1/incidents") || path.equals("/api/v1/alerts");
        boolean related = caller == Caller.ADMIN || caller == Caller.OWN_REPORTER || caller == Caller.ALERTED_RESPONDER
                || caller == Caller.ESCALATION_RESPONDER;
        return switch (cell) {
            case "✔" -> new Expected(success, true);
            case "—" -> new Expected(403, false);
            case "own", "own team" -> related ? new Expected(success, true) : new Expected(list ? 200 : 404, false);
            case "alerted (GET only)" -> !"GET".equals(method) ? new Expected(403, false)
                    : related ? new Expected(success, true) : new Expected(list ? 200 : 404, false);
            default -> throw new IllegalArgumentException("unknown cell '" + cell + "' in " + path);
        };
    }
}
