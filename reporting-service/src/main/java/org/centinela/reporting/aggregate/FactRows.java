package org.centinela.reporting.aggregate;

import java.util.List;
import java.util.UUID;

/** incident_fact rows in COPY's text format, for {@link GenerationLoad}. */
final class FactRows {

    static final String COPY = """
            COPY incident_fact (generation, incident_id, occurred_on, region, violations, perpetrators,
                perpetrator_kinds, sectors, defenders, women, justice_status, verification, revision, cell_key)
            FROM STDIN""";

    private final StringBuilder rows = new StringBuilder();
    private int count;

    void add(int generation, UUID id, IncidentFact fact, long cellKey) {
        rows.append(generation).append('\t').append(id).append('\t').append(fact.occurredOn()).append('\t');
        text(fact.region());
        rows.append('\t');
        array(fact.violations());
        rows.append('\t');
        array(fact.perpetrators());
        rows.append('\t');
        array(fact.perpetratorKinds());
        rows.append('\t');
        array(fact.sectors());
        rows.append('\t').append(fact.defenders()).append('\t').append(fact.women()).append('\t');
        text(fact.justiceStatus());
        rows.append('\t');
        text(fact.verification());
        rows.append('\t').append(fact.revision()).append('\t').append(cellKey).append('\n');
        count++;
    }

    int count() {
        return count;
    }

    String text() {
        return rows.toString();
    }

    /** A text[] literal with every element quoted, so no code can be read as NULL or split at a comma. */
    private void array(List<String> values) {
        rows.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                rows.append(',');
            }
            rows.append('"');
            String value = values.get(i);
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    rows.append("\\\\"); // the array's backslash, itself escaped for COPY
                    if (ch == '"') {
                        rows.append('"');
                        continue;
                    }
                }
                character(ch);
            }
            rows.append('"');
        }
        rows.append('}');
    }

    private void text(String value) {
        for (int c = 0; c < value.length(); c++) {
            character(value.charAt(c));
        }
    }

    /** One character of a COPY text field: backslash and the row and column separators escaped. */
    private void character(char ch) {
        switch (ch) {
            case '\\' -> rows.append("\\\\");
            case '\t' -> rows.append("\\t");
            case '\n' -> rows.append("\\n");
            case '\r' -> rows.append("\\r");
            default -> rows.append(ch);
        }
    }
}
