package org.centinela.intake.incident;

/** Example bodies for the OpenAPI document. */
final class IncidentExamples {

    static final String REPORT = """
            {"occurredOn":"2017-08-21","region":"PE-CAJ","locality":"Celendín","latitude":-6.87,"longitude":-78.15,\
            "violations":["PHYSICAL_ATTACK","DEATH_THREAT"],"perpetrators":["POLICE","PRIVATE_SECURITY"],\
            "defenders":{"count":3,"women":1,"sectors":["ENVIRONMENTAL","INDIGENOUS_PEOPLES"]},\
            "context":["PROTEST","EXTRACTIVE_PROJECT"],"riskOngoing":true,"language":"es",\
            "description":"Durante la protesta frente al campamento minero, tres defensores fueron golpeados…",\
            "confidential":{"victimNames":["María Quispe"],"contact":"+51 999 999 999","notes":"Contactar por la parroquia."}}""";

    static final String INCIDENT = """
            {"id":"0b6f3c1e-2a8d-4a51-9f3e-6d1c2b7a9e40","reference":"PE-2026-000123","status":"REPORTED",\
            "organisationId":"3f0c2a4e-8d1b-4c55-9a61-0c4f7d2b9e10","receivedAt":"2026-11-29T00:50:00.123456Z",\
            "occurredOn":"2017-08-21","region":"PE-CAJ","locality":"Celendín","latitude":-6.87,"longitude":-78.15,\
            "violations":["PHYSICAL_ATTACK","DEATH_THREAT"],"perpetrators":["POLICE","PRIVATE_SECURITY"],\
            "defenders":{"count":3,"women":1,"sectors":["ENVIRONMENTAL","INDIGENOUS_PEOPLES"]},\
            "context":["PROTEST","EXTRACTIVE_PROJECT"],"riskOngoing":true,"language":"es","verification":"UNVERIFIED",\
            "justiceStatus":"NOT_REPORTED","revision":0,"updatedAt":"2026-11-29T00:50:00.123456Z",\
            "history":[{"revision":0,"at":"2026-11-29T00:50:00.123456Z","role":"reporter",\
            "principalId":"3f0c2a4e-8d1b-4c55-9a61-0c4f7d2b9e10","verification":"UNVERIFIED",\
            "justiceStatus":"NOT_REPORTED","riskOngoing":true}],\
            "description":"Durante la protesta frente al campamento minero, tres defensores fueron golpeados…",\
            "confidential":{"victimNames":["María Quispe"],"contact":"+51 999 999 999","notes":"Contactar por la parroquia."}}""";

    static final String PAGE = """
            {"items":[{"id":"0b6f3c1e-2a8d-4a51-9f3e-6d1c2b7a9e40","reference":"PE-2026-000123","status":"REPORTED",\
            "organisationId":"3f0c2a4e-8d1b-4c55-9a61-0c4f7d2b9e10","receivedAt":"2026-11-29T00:50:00.123456Z",\
            "occurredOn":"2017-08-21","region":"PE-CAJ","violations":["PHYSICAL_ATTACK"],"perpetrators":["POLICE"],\
            "defenders":{"count":3,"women":1,"sectors":["ENVIRONMENTAL"]},"context":[],"riskOngoing":true,\
            "language":"es","verification":"UNVERIFIED","justiceStatus":"NOT_REPORTED","revision":0,\
            "updatedAt":"2026-11-29T00:50:00.123456Z"}],"page":0,"size":20,"total":1}""";

    static final String UPDATE = """
            {"verification":"CONFIRMED","justiceStatus":"COMPLAINT_FILED","riskOngoing":false,\
            "note":"Denuncia presentada ante la fiscalía provincial."}""";

    static final String AUDIT = """
            {"incidentId":"0b6f3c1e-2a8d-4a51-9f3e-6d1c2b7a9e40","reads":[{"role":"admin","at":"2026-11-29T01:02:03.456Z"},\
            {"role":"responder","principalId":"7c1d9e2f-5b3a-4e68-8f10-2a9c4d6e8b13","at":"2026-11-29T01:05:00.001Z"}]}""";

    static final String INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"The incident is not valid",\
            "errors":[{"field":"defenders.women","message":"must not exceed defenders.count (3)"},\
            {"field":"violations[1]","message":"unknown code 'PUNCH'"}]}""";

    private IncidentExamples() {
    }
}
