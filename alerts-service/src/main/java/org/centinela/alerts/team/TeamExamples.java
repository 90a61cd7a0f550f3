package org.centinela.alerts.team;

/** Example bodies of the teams API for its OpenAPI document. */
final class TeamExamples {

    static final String REQUEST = """
            {"name":"Brigada Cajamarca","language":"es","regions":["PE-CAJ"],"minPriority":"HIGH",
             "channels":[{"type":"WEBHOOK","url":"https://brigada.example/hooks/centinela","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
                         {"type":"EMAIL","address":"alertas@brigada.example"},
                         {"type":"TELEGRAM","chatId":"-1001234567890","botToken":"123456:ABC-bot-token"}],
             "escalation":[{"afterMinutes":30,"teamId":"5230920b-80d1-449d-a9b3-e13d85d16320"},{"afterMinutes":15}],
             "repeatEveryMinutes":10,"maxRepeats":2,"fallbackAfterMinutes":5,"digest":true}""";

    static final String TEAM = """
            {"id":"1eb51e73-44bd-4ea9-8bb2-8440a0c946f9","name":"Brigada Cajamarca","language":"es","regions":["PE-CAJ"],
             "minPriority":"HIGH","channels":[{"type":"WEBHOOK","url":"https://brigada.example/hooks/centinela"},
             {"type":"EMAIL","address":"alertas@brigada.example"},{"type":"TELEGRAM","chatId":"-1001234567890"}],
             "escalateAfterMinutes":30,"escalationTeamId":null,
             "escalation":[{"afterMinutes":30,"teamId":"5230920b-80d1-449d-a9b3-e13d85d16320"},{"afterMinutes":15,"teamId":null}],
             "digest":true,"repeatEveryMinutes":10,"maxRepeats":2,"fallbackAfterMinutes":5,
             "createdAt":"2026-12-01T13:00:00Z","updatedAt":"2026-12-01T13:00:00Z"}""";

    static final String LIST = "{\"items\":[" + TEAM + "]}";

    private TeamExamples() {
    }
}
