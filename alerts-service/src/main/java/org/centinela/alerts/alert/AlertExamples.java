package org.centinela.alerts.alert;

/** Example bodies of the alerts API for its OpenAPI document (an alert's whole journey, abridged). */
final class AlertExamples {

    static final String ALERT = """
            {"id":"0677f311-805e-4a0b-bcaa-6042f1c0295d","incidentId":"22956281-44f7-4ec7-92bd-fc8271fb69b8",
             "reference":"PE-2026-000008","teamId":"1eb51e73-44bd-4ea9-8bb2-8440a0c946f9","priority":"CRITICAL",
             "region":"PE-AYA","status":"ACKNOWLEDGED","raisedAt":"2026-12-01T13:01:21Z",
             "acknowledgedAt":"2026-12-01T13:32:25Z",
             "acknowledgement":{"by":"Rosa Quispe","via":"WEBHOOK","teamId":"5230920b-80d1-449d-a9b3-e13d85d16320"},
             "escalatedAt":"2026-12-01T13:31:25Z","escalatedToTeamId":"5230920b-80d1-449d-a9b3-e13d85d16320",
             "repeats":1,"resolvedAt":null,
             "escalations":[{"step":1,"teamId":"5230920b-80d1-449d-a9b3-e13d85d16320","at":"2026-12-01T13:31:25Z"}],
             "deliveries":[{"id":"b5090784-984a-4b23-9462-6c46d579f243","channel":"WEBHOOK","event":"alert.raised",
               "status":"DELIVERED","fallbackFrom":null,"attempts":[{"at":"2026-12-01T13:01:21Z","outcome":"SUCCESS","httpStatus":200}]}]}""";

    static final String RESOLVED = """
            {"id":"0677f311-805e-4a0b-bcaa-6042f1c0295d","incidentId":"22956281-44f7-4ec7-92bd-fc8271fb69b8",
             "reference":"PE-2026-000008","teamId":"1eb51e73-44bd-4ea9-8bb2-8440a0c946f9","priority":"CRITICAL",
             "region":"PE-AYA","status":"RESOLVED","raisedAt":"2026-12-01T13:01:21Z","acknowledgedAt":"2026-12-01T13:32:25Z",
             "acknowledgement":{"by":"Rosa Quispe","via":"WEBHOOK","teamId":"5230920b-80d1-449d-a9b3-e13d85d16320"},
             "escalatedAt":null,"escalatedToTeamId":null,"repeats":0,"resolvedAt":"2026-12-01T15:10:00Z",
             "resolution":{"outcome":"PROTECTION_PROVIDED","note":"Acompañamiento y medidas de protección"},
             "escalations":[],"deliveries":[]}""";

    static final String LIST = """
            {"items":[{"id":"0677f311-805e-4a0b-bcaa-6042f1c0295d","incidentId":"22956281-44f7-4ec7-92bd-fc8271fb69b8",
             "reference":"PE-2026-000008","teamId":"1eb51e73-44bd-4ea9-8bb2-8440a0c946f9","priority":"CRITICAL",
             "region":"PE-AYA","status":"OPEN","raisedAt":"2026-12-01T13:01:21Z","acknowledgedAt":null,"escalatedAt":null,
             "escalatedToTeamId":null,"repeats":0,"resolvedAt":null}],"page":0,"size":20,"total":1}""";

    static final String RESOLVE = """
            {"outcome":"PROTECTION_PROVIDED","note":"Acompañamiento a la comisaría; la defensora está a salvo"}""";

    private AlertExamples() {
    }
}
