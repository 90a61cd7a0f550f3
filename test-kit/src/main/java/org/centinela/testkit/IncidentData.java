package org.centinela.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.centinela.contract.event.Defenders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/**
 * Builds the data of {@code incident.reported}/{@code incident.updated} as intake-service writes it: a fresh
 * incident with plausible defaults, each field settable; {@link #next(IncidentEventData)} starts from an existing
 * incident at its next revision.
 */
public final class IncidentData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private UUID incidentId = UUID.randomUUID();
    private String reference = String.format("PE-2026-%06d", 900_000 + SEQUENCE.incrementAndGet() % 100_000);
    private UUID organisationId = UUID.randomUUID();
    private String organisationName = "Coordinadora Test";
    private LocalDate occurredOn = LocalDate.of(2026, 11, 20);
    private Instant receivedAt = Instant.now();
    private String region = "PE-CAJ";
    private Double latitude;
    private Double longitude;
    private List<Violation> violations = List.of(Violation.PHYSICAL_ATTACK);
    private List<Perpetrator> perpetrators = List.of(Perpetrator.POLICE);
    private Defenders defenders = new Defenders(3, 1, List.of(Sector.ENVIRONMENTAL));
    private List<Context> context = List.of(Context.PROTEST);
    private boolean riskOngoing;
    private String language = "es";
    private Verification verification = Verification.UNVERIFIED;
    private JusticeStatus justiceStatus = JusticeStatus.NOT_REPORTED;
    private int revision;
    private Instant updatedAt = receivedAt;

    private IncidentData() {
    }

    public static IncidentData reported() {
        return new IncidentData();
    }

    /** The same incident at its next revision, updated now. */
    public static IncidentData next(IncidentEventData incident) {
        IncidentData event = new IncidentData();
        event.incidentId = incident.incidentId();
        event.reference = incident.reference();
        event.organisationId = incident.organisationId();
        event.organisationName = incident.organisationName();
        event.occurredOn = incident.occurredOn();
        event.receivedAt = incident.receivedAt();
        event.region = incident.region();
        event.latitude = incident.latitude();
        event.longitude = incident.longitude();
        event.violations = incident.violations();
        event.perpetrators = incident.perpetrators();
        event.defenders = incident.defenders();
        event.context = incident.context();
        event.riskOngoing = incident.riskOngoing();
        event.language = incident.language();
        event.verification = incident.verification();
        event.justiceStatus = incident.justiceStatus();
        event.revision = incident.revision() + 1;
        event.updatedAt = Instant.now();
        return event;
    }

    public IncidentData id(UUID id) {
        this.incidentId = id;
        return this;
    }

    public IncidentData organisation(UUID id, String name) {
        this.organisationId = id;
        this.organisationName = name;
        return this;
    }

    public IncidentData occurredOn(LocalDate day) {
        this.occurredOn = day;
        return this;
    }

    public IncidentData region(String code) {
        this.region = code;
        return this;
    }

    public IncidentData coordinates(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        return this;
    }

    public IncidentData violations(Violation... codes) {
        return violations(List.of(codes));
    }

    public IncidentData violations(List<Violation> codes) {
        this.violations = new ArrayList<>(codes);
        return this;
    }

    public IncidentData perpetrators(Perpetrator... codes) {
        return perpetrators(List.of(codes));
    }

    public IncidentData perpetrators(List<Perpetrator> codes) {
        this.perpetrators = new ArrayList<>(codes);
        return this;
    }

    public IncidentData defenders(int count, int women, Sector... sectors) {
        return defenders(count, women, List.of(sectors));
    }

    public IncidentData defenders(int count, int women, List<Sector> sectors) {
        this.defenders = new Defenders(count, women, new ArrayList<>(sectors));
        return this;
    }

    public IncidentData context(Context... codes) {
        this.context = List.of(codes);
        return this;
    }

    public IncidentData riskOngoing(boolean risk) {
        this.riskOngoing = risk;
        return this;
    }

    public IncidentData language(String language) {
        this.language = language;
        return this;
    }

    public IncidentData verification(Verification verification) {
        this.verification = verification;
        return this;
    }

    public IncidentData justiceStatus(JusticeStatus status) {
        this.justiceStatus = status;
        return this;
    }

    public IncidentData revision(int revision) {
        this.revision = revision;
        return this;
    }

    public IncidentEventData build() {
        return new IncidentEventData(incidentId, reference, organisationId, organisationName, occurredOn, receivedAt,
                region, latitude, longitude, violations, perpetrators, defenders, context, riskOngoing, language,
                verification, justiceStatus, revision, updatedAt);
    }
}
