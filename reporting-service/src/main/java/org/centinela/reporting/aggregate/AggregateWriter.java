package org.centinela.reporting.aggregate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.reporting.disclosure.RecordKeys;

/**
 * Applies a batch of events to one generation of the aggregates on the caller's connection and transaction.
 * Exactly once: the batch's event ids go into processed_event first (ON CONFLICT DO NOTHING … RETURNING says
 * which are new) and only new events change a figure. An incident event carries the incident's whole state, so
 * the batch keeps the highest revision per incident, a revision not newer than the stored one is ignored, and the
 * per-year cells (incident_cell) move by the difference between the stored facts and the new ones, counts and key
 * sums alike (an incident's record key, {@link RecordKeys}, is a function of its id). Alert events are merged per alert into commutative changes (earliest acknowledgement, escalated or not,
 * failures added), so their order within a batch does not matter. Each statement writes many rows.
 */
public final class AggregateWriter {

    private static final String MARK_PROCESSED = """
            INSERT INTO processed_event (generation, event_id)
            SELECT ?, e FROM unnest(?::text[]) AS e
            ON CONFLICT DO NOTHING
            RETURNING event_id""";

    // One statement per batch: columns as arrays, list columns comma-joined (codes contain no comma).
    private static final String UPSERT_INCIDENTS = """
            INSERT INTO incident_fact (generation, incident_id, occurred_on, region, violations, perpetrators,
                perpetrator_kinds, sectors, defenders, women, justice_status, verification, revision, cell_key)
            SELECT ?, id, occurred_on, region, string_to_array(violations, ','), string_to_array(perpetrators, ','),
                string_to_array(kinds, ','), string_to_array(sectors, ','), defenders, women, justice, verification,
                revision, cell_key
            FROM unnest(?::uuid[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[],
                ?::text[], ?::text[], ?::int[], ?::bigint[])
                AS t(id, occurred_on, region, violations, perpetrators, kinds, sectors, defenders, women, justice,
                     verification, revision, cell_key)
            ON CONFLICT (generation, incident_id) DO UPDATE SET
                occurred_on = EXCLUDED.occurred_on, region = EXCLUDED.region, violations = EXCLUDED.violations,
                perpetrators = EXCLUDED.perpetrators, perpetrator_kinds = EXCLUDED.perpetrator_kinds,
                sectors = EXCLUDED.sectors, defenders = EXCLUDED.defenders, women = EXCLUDED.women,
                justice_status = EXCLUDED.justice_status, verification = EXCLUDED.verification,
                revision = EXCLUDED.revision
            WHERE incident_fact.revision < EXCLUDED.revision""";

    private static final String SELECT_FACTS = """
            SELECT incident_id, occurred_on, region, violations, perpetrators, perpetrator_kinds, sectors, defenders,
                women, justice_status, verification, revision
            FROM incident_fact WHERE generation = ? AND incident_id = ANY(?)""";

    private static final String UPSERT_ALERT = """
            INSERT INTO alert_fact (generation, alert_id, priority, region, raised_at, acknowledged_at, escalated,
                delivery_failures, cell_key, resolved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (generation, alert_id) DO UPDATE SET
                acknowledged_at = LEAST(alert_fact.acknowledged_at, EXCLUDED.acknowledged_at),
                resolved_at = LEAST(alert_fact.resolved_at, EXCLUDED.resolved_at),
                escalated = alert_fact.escalated OR EXCLUDED.escalated,
                delivery_failures = alert_fact.delivery_failures + EXCLUDED.delivery_failures""";

    private AggregateWriter() {
    }

    /** Applies the events not yet applied to {@code generation}; returns how many were new. */
    public static int apply(Connection connection, int generation, List<ReportingEvent> events, RecordKeys keys)
            throws SQLException {
        // Sorted ids: concurrent writers to one generation take the key locks in the same order.
        Set<String> fresh = markProcessed(connection, generation, events);
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<UUID, IncidentEventData> incidents = new LinkedHashMap<>();
        Map<UUID, AlertChange> alerts = new LinkedHashMap<>();
        int applied = 0;
        for (ReportingEvent event : events) {
            if (!fresh.remove(event.eventId())) {
                continue; // applied before, or a second copy within this batch
            }
            applied++;
            if (event instanceof ReportingEvent.Incident incident) {
                incidents.merge(incident.data().incidentId(), incident.data(),
                        (kept, next) -> next.revision() > kept.revision() ? next : kept);
            } else if (event instanceof ReportingEvent.Alert alert) {
                alerts.computeIfAbsent(alert.data().alertId(), id -> new AlertChange(alert.data())).add(alert);
            }
        }
        upsertIncidents(connection, generation, incidents, keys);
        upsertAlerts(connection, generation, alerts.values(), keys);
        return applied;
    }

    private static Set<String> markProcessed(Connection connection, int generation, List<ReportingEvent> events)
            throws SQLException {
        String[] ids = events.stream().map(ReportingEvent::eventId).distinct().sorted().toArray(String[]::new);
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(MARK_PROCESSED)) {
            insert.setInt(1, generation);
            insert.setArray(2, connection.createArrayOf("text", ids));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    /** Writes each incident's state unless the stored one is as new, and moves its cells by the difference. */
    static void upsertIncidents(Connection connection, int generation, Map<UUID, IncidentEventData> incidents,
                                RecordKeys keys) throws SQLException {
        if (incidents.isEmpty()) {
            return;
        }
        Map<UUID, IncidentFact> stored = stored(connection, generation, incidents.keySet());
        CellDeltas deltas = new CellDeltas();
        List<UUID> ids = new ArrayList<>();
        List<Long> cellKeys = new ArrayList<>();
        List<IncidentFact> facts = new ArrayList<>();
        for (IncidentEventData data : incidents.values()) {
            IncidentFact before = stored.get(data.incidentId());
            if (before != null && before.revision() >= data.revision()) {
                continue; // stale: the stored state is as new or newer
            }
            IncidentFact after = IncidentFact.of(data);
            long key = keys.of(data.incidentId());
            if (before != null) {
                deltas.count(before, -1, key);
            }
            deltas.count(after, 1, key);
            ids.add(data.incidentId());
            cellKeys.add(key);
            facts.add(after);
        }
        if (!facts.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_INCIDENTS)) {
                upsert.setInt(1, generation);
                upsert.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                upsert.setArray(3, connection.createArrayOf("date",
                        facts.stream().map(f -> java.sql.Date.valueOf(f.occurredOn())).toArray()));
                upsert.setArray(4, column(connection, facts, IncidentFact::region));
                upsert.setArray(5, column(connection, facts, f -> String.join(",", f.violations())));
                upsert.setArray(6, column(connection, facts, f -> String.join(",", f.perpetrators())));
                upsert.setArray(7, column(connection, facts, f -> String.join(",", f.perpetratorKinds())));
                upsert.setArray(8, column(connection, facts, f -> String.join(",", f.sectors())));
                upsert.setArray(9, connection.createArrayOf("int4", facts.stream().map(IncidentFact::defenders).toArray()));
                upsert.setArray(10, connection.createArrayOf("int4", facts.stream().map(IncidentFact::women).toArray()));
                upsert.setArray(11, column(connection, facts, IncidentFact::justiceStatus));
                upsert.setArray(12, column(connection, facts, IncidentFact::verification));
                upsert.setArray(13, connection.createArrayOf("int4", facts.stream().map(IncidentFact::revision).toArray()));
                upsert.setArray(14, connection.createArrayOf("int8", cellKeys.toArray()));
                upsert.executeUpdate();
            }
        }
        deltas.write(connection, generation);
    }

    private static Map<UUID, IncidentFact> stored(Connection connection, int generation, Collection<UUID> ids)
            throws SQLException {
        Map<UUID, IncidentFact> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_FACTS)) {
            select.setInt(1, generation);
            select.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getObject(1, UUID.class), new IncidentFact(row.getObject(2, LocalDate.class),
                            row.getString(3), strings(row.getArray(4)), strings(row.getArray(5)),
                            strings(row.getArray(6)), strings(row.getArray(7)), row.getInt(8), row.getInt(9),
                            row.getString(10), row.getString(11), row.getInt(12)));
                }
            }
        }
        return stored;
    }

    private static Array column(Connection connection, List<IncidentFact> facts,
                                java.util.function.Function<IncidentFact, String> value) throws SQLException {
        return connection.createArrayOf("text", facts.stream().map(value).toArray());
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static void upsertAlerts(Connection connection, int generation, Iterable<AlertChange> alerts,
                                     RecordKeys keys) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ALERT)) {
            int rows = 0;
            for (AlertChange change : alerts) {
                upsert.setInt(1, generation);
                upsert.setObject(2, change.alertId);
                upsert.setString(3, change.priority);
                upsert.setString(4, change.region);
                upsert.setTimestamp(5, Timestamp.from(change.raisedAt));
                if (change.acknowledgedAt == null) {
                    upsert.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    upsert.setTimestamp(6, Timestamp.from(change.acknowledgedAt));
                }
                upsert.setBoolean(7, change.escalated);
                upsert.setInt(8, change.deliveryFailures);
                upsert.setLong(9, keys.of(change.alertId));
                if (change.resolvedAt == null) {
                    upsert.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    upsert.setTimestamp(10, Timestamp.from(change.resolvedAt));
                }
                upsert.addBatch();
                rows++;
            }
            if (rows > 0) {
                upsert.executeBatch();
            }
        }
    }

    /** The net effect of one alert's events in a batch. */
    private static final class AlertChange {
        final UUID alertId;
        final String priority;
        final String region;
        final Instant raisedAt;
        Instant acknowledgedAt;
        Instant resolvedAt;
        boolean escalated;
        int deliveryFailures;

        AlertChange(AlertEventData data) {
            this.alertId = data.alertId();
            this.priority = data.priority().name();
            this.region = data.region();
            this.raisedAt = data.raisedAt() != null ? data.raisedAt() : data.at();
        }

        void add(ReportingEvent.Alert event) {
            Instant at = event.data().at() != null ? event.data().at() : Instant.now();
            switch (event.type()) {
                case EventTypes.ALERT_ACKNOWLEDGED ->
                        acknowledgedAt = acknowledgedAt == null || at.isBefore(acknowledgedAt) ? at : acknowledgedAt;
                case EventTypes.ALERT_RESOLVED -> resolvedAt = resolvedAt == null || at.isBefore(resolvedAt) ? at : resolvedAt;
                case EventTypes.ALERT_ESCALATED -> escalated = true;
                case EventTypes.ALERT_DELIVERY_FAILED -> deliveryFailures++;
                default -> {
                    // raised and delivered: the row itself (created by any alert event) is the fact
                }
            }
        }
    }
}
