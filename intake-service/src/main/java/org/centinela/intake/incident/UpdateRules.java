package org.centinela.intake.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.platform.problem.Problem.FieldError;

/** The rules for an incident update: known codes, a bounded note, and at least one field. */
public final class UpdateRules {

    private static final Set<String> VERIFICATIONS = IncidentRules.names(Verification.values());
    private static final Set<String> JUSTICE_STATUSES = IncidentRules.names(JusticeStatus.values());

    private UpdateRules() {
    }

    public static List<FieldError> check(UpdateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.verification() == null && request.justiceStatus() == null && request.riskOngoing() == null
                && request.note() == null) {
            errors.add(new FieldError("", "give at least one of verification, justiceStatus, riskOngoing, note"));
        }
        if (request.verification() != null && !VERIFICATIONS.contains(request.verification())) {
            errors.add(new FieldError("verification", "unknown code '" + request.verification() + "'"));
        }
        if (request.justiceStatus() != null && !JUSTICE_STATUSES.contains(request.justiceStatus())) {
            errors.add(new FieldError("justiceStatus", "unknown code '" + request.justiceStatus() + "'"));
        }
        if (request.note() != null && (request.note().isBlank() || IncidentRules.length(request.note()) > UpdateRequest.MAX_NOTE)) {
            errors.add(new FieldError("note", "must have 1.." + UpdateRequest.MAX_NOTE + " characters"));
        }
        return errors;
    }
}
