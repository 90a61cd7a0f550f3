package org.centinela.reporting.aggregate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.reporting.disclosure.RecordKeys;
import org.postgresql.PGConnection;

/**
 * A rebuild's bulk load: the replay up to the topics' end offsets written into a generation no live batch writes to
 * yet, batch by batch, without processed_event rows for incidents. That is safe because the generation starts empty
 * and every event below the end offsets is read once, and because an incident event carries the incident's whole
 * state with a revision: a later copy of it (a redelivery, or the live consumer once it writes here) changes
 * nothing. An incident the load has not written yet is COPYed; one it has (a later revision) goes through
 * {@link AggregateWriter}. The cells of COPYed facts are added up in memory and written once at the end, so each
 * cell gets the same count and record-key sum as batch by batch. Alert events keep the ordinary path with their
 * processed_event rows: a second copy of a delivery failure must not count twice.
 */
public final class GenerationLoad {

    private final int generation;
    private final RecordKeys keys;
    private final SeenIncidents written = new SeenIncidents();
    private final CellDeltas cells = new CellDeltas();

    GenerationLoad(int generation, RecordKeys keys) {
        this.generation = generation;
        this.keys = keys;
    }

    public int generation() {
        return generation;
    }

    /** Writes a batch on the caller's transaction; {@link #keep} it once that commits. */
    Batch write(Connection connection, List<ReportingEvent> events) throws SQLException {
        Map<UUID, IncidentEventData> latest = new LinkedHashMap<>();
        List<ReportingEvent> alerts = new ArrayList<>();
        for (ReportingEvent event : events) {
            if (event instanceof ReportingEvent.Incident incident) {
                latest.merge(incident.data().incidentId(), incident.data(),
                        (kept, next) -> next.revision() > kept.revision() ? next : kept);
            } else if (event instanceof ReportingEvent.Alert) {
                alerts.add(event);
            }
        }
        Map<UUID, IncidentEventData> revised = new LinkedHashMap<>();
        List<UUID> copied = new ArrayList<>();
        CellDeltas added = new CellDeltas();
        FactRows rows = new FactRows();
        for (IncidentEventData data : latest.values()) {
            if (written.mayContain(data.incidentId())) {
                revised.put(data.incidentId(), data);
                continue;
            }
            IncidentFact fact = IncidentFact.of(data);
            long key = keys.of(data.incidentId());
            added.count(fact, 1, key);
            rows.add(generation, data.incidentId(), fact, key);
            copied.add(data.incidentId());
        }
        if (rows.count() > 0) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(FactRows.COPY, new StringReader(rows.text()));
            } catch (IOException e) {
                throw new SQLException("COPY incident_fact failed", e);
            }
        }
        AggregateWriter.upsertIncidents(connection, generation, revised, keys);
        if (!alerts.isEmpty()) {
            AggregateWriter.apply(connection, generation, alerts, keys);
        }
        return new Batch(copied, added);
    }

    /** Takes a committed batch into account: its incidents are written, its cells wait for {@link #writeCells}. */
    void keep(Batch batch) {
        batch.copied().forEach(written::add);
        cells.addAll(batch.cells());
    }

    void writeCells(Connection connection) throws SQLException {
        cells.write(connection, generation);
    }

    record Batch(List<UUID> copied, CellDeltas cells) {
    }
}
