package org.centinela.intake.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.problem.Problem.FieldError;

/**
 * The rules of SPEC §4 and §9 for a new incident, beyond what strict JSON parsing already refuses. Returns every
 * offending field as a JSON path, so one answer lists all that is wrong.
 */
public final class IncidentRules {

    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    public static final int MAX_CODES = 10;
    public static final int MAX_DEFENDERS = 10_000;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_LOCALITY = 200;
    public static final int MAX_VICTIM_NAMES = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_CONTACT = 1_000;
    public static final int MAX_NOTES = 20_000;
    static final Set<String> LANGUAGES = Set.of("es", "en");

    private static final Set<String> VIOLATIONS = names(Violation.values());
    private static final Set<String> PERPETRATORS = names(Perpetrator.values());
    private static final Set<String> SECTORS = names(Sector.values());
    private static final Set<String> CONTEXTS = names(Context.values());

    private final Regions regions;

    public IncidentRules(Regions regions) {
        this.regions = regions;
    }

    /** What is wrong with {@code request}, given that today is {@code today} in the deployment's time zone. */
    public List<FieldError> check(IncidentRequest request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (request.occurredOn() == null) {
            errors.add(required("occurredOn"));
        } else if (request.occurredOn().isAfter(today)) {
            errors.add(new FieldError("occurredOn", "must not be in the future (today is " + today + ")"));
        } else if (request.occurredOn().isBefore(EARLIEST)) {
            errors.add(new FieldError("occurredOn", "must not be before " + EARLIEST));
        }
        if (request.region() == null) {
            errors.add(required("region"));
        } else if (!regions.contains(request.region())) {
            errors.add(new FieldError("region", "unknown region '" + request.region() + "' for country " + regions.country()));
        }
        if (request.locality() != null && (request.locality().isBlank() || length(request.locality()) > MAX_LOCALITY)) {
            errors.add(new FieldError("locality", "must have 1.." + MAX_LOCALITY + " characters"));
        }
        coordinates(request.latitude(), request.longitude(), errors);
        codes("violations", request.violations(), true, 1, MAX_CODES, VIOLATIONS, errors);
        codes("perpetrators", request.perpetrators(), true, 1, MAX_CODES, PERPETRATORS, errors);
        defenders(request.defenders(), errors);
        codes("context", request.context(), false, 0, CONTEXTS.size(), CONTEXTS, errors);
        if (request.language() != null && !LANGUAGES.contains(request.language())) {
            errors.add(new FieldError("language", "must be 'es' or 'en'"));
        }
        if (request.description() == null || request.description().isBlank()) {
            errors.add(required("description"));
        } else if (length(request.description()) > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must have at most " + MAX_DESCRIPTION + " characters"));
        }
        confidential(request.confidential(), errors);
        return errors;
    }

    private static void coordinates(Double latitude, Double longitude, List<FieldError> errors) {
        if (latitude == null && longitude != null) {
            errors.add(new FieldError("latitude", "required when longitude is given"));
        } else if (latitude != null && longitude == null) {
            errors.add(new FieldError("longitude", "required when latitude is given"));
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            errors.add(new FieldError("latitude", "must be between -90 and 90"));
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            errors.add(new FieldError("longitude", "must be between -180 and 180"));
        }
    }

    private static void defenders(IncidentRequest.DefendersInput defenders, List<FieldError> errors) {
        if (defenders == null) {
            errors.add(required("defenders"));
            return;
        }
        Integer count = defenders.count();
        if (count == null) {
            errors.add(required("defenders.count"));
        } else if (count < 1 || count > MAX_DEFENDERS) {
            errors.add(new FieldError("defenders.count", "must be between 1 and " + MAX_DEFENDERS));
        }
        Integer women = defenders.women();
        if (women != null && women < 0) {
            errors.add(new FieldError("defenders.women", "must not be negative"));
        } else if (women != null && count != null && women > count) {
            errors.add(new FieldError("defenders.women", "must not exceed defenders.count (" + count + ")"));
        }
        codes("defenders.sectors", defenders.sectors(), true, 1, SECTORS.size(), SECTORS, errors);
    }

    private static void confidential(ConfidentialPart confidential, List<FieldError> errors) {
        if (confidential == null) {
            return;
        }
        List<String> names = confidential.victimNames();
        if (names != null) {
            if (names.size() > MAX_VICTIM_NAMES) {
                errors.add(new FieldError("confidential.victimNames", "must have at most " + MAX_VICTIM_NAMES + " names"));
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name == null || name.isBlank() || length(name) > MAX_NAME) {
                    errors.add(new FieldError("confidential.victimNames[" + i + "]", "must have 1.." + MAX_NAME + " characters"));
                }
            }
            distinct("confidential.victimNames", names, errors);
        }
        if (confidential.contact() != null && length(confidential.contact()) > MAX_CONTACT) {
            errors.add(new FieldError("confidential.contact", "must have at most " + MAX_CONTACT + " characters"));
        }
        if (confidential.notes() != null && length(confidential.notes()) > MAX_NOTES) {
            errors.add(new FieldError("confidential.notes", "must have at most " + MAX_NOTES + " characters"));
        }
    }

    static void codes(String field, List<String> values, boolean required, int min, int max, Set<String> known,
                      List<FieldError> errors) {
        if (values == null) {
            if (required) {
                errors.add(required(field));
            }
            return;
        }
        if (values.size() < min || values.size() > max) {
            errors.add(new FieldError(field, "must have " + min + ".." + max + " entries"));
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be null"));
            } else if (!known.contains(value)) {
                errors.add(new FieldError(field + "[" + i + "]", "unknown code '" + value + "'"));
            }
        }
        distinct(field, values, errors);
    }

    private static void distinct(String field, List<String> values, List<FieldError> errors) {
        if (new HashSet<>(values).size() != values.size()) {
            errors.add(new FieldError(field, "entries must be distinct"));
        }
    }

    static FieldError required(String field) {
        return new FieldError(field, "required");
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static <E extends Enum<E>> Set<String> names(E[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
