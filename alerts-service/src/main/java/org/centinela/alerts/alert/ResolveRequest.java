package org.centinela.alerts.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.centinela.contract.vocabulary.ResolutionOutcome;
import org.centinela.platform.problem.Problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/alerts/{id}/resolve (SPEC §5). {@code outcome} is read as text so a wrong code is named. */
@Schema(example = """
        {"outcome":"PROTECTION_PROVIDED","note":"Acompañamiento a la comisaría; la defensora está a salvo"}""")
public record ResolveRequest(String outcome, String note) {

    static final int MAX_NOTE = 2000;

    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "is required"));
        } else if (Arrays.stream(ResolutionOutcome.values()).noneMatch(code -> code.name().equals(outcome))) {
            errors.add(new FieldError("outcome", "must be one of " + Arrays.toString(ResolutionOutcome.values())));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must have at most " + MAX_NOTE + " characters"));
        }
        return errors;
    }

    ResolutionOutcome outcomeCode() {
        return ResolutionOutcome.valueOf(outcome);
    }

    /** A blank note is no note. */
    String noteText() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
