package org.centinela.intake.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.intake.access.ConfidentialReads;
import org.centinela.intake.access.IncidentAccess;
import org.centinela.intake.idempotency.IdempotencyKeys;
import org.centinela.intake.idempotency.StoredResponse;
import org.centinela.intake.organisation.Organisations;
import org.centinela.platform.outbox.OutboxWriter;
import org.centinela.platform.crypto.FieldCipher;
import org.centinela.platform.metrics.MetricNames;
import org.centinela.platform.json.StrictText;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Incidents: report, read, list, update, audit. Each change commits its incident row, history row and outbox
 * row in one transaction; every answer that carries decrypted text is recorded in the audit log.
 */
@ApplicationScoped
public class Incidents {

    public static final String PATH = "/api/v1/incidents/";
    private static final Logger LOG = Logger.getLogger(Incidents.class);

    private final String country;
    private final ZoneId zone;
    private final IncidentRules rules;
    private final ReferenceSequence references;
    private final ReportedRows rows;
    private final IdempotencyKeys idempotency;
    private final OutboxWriter outbox;
    private final Organisations organisations;
    private final IncidentAccess access;
    private final ConfidentialReads reads;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final Counter incidentsReported;
    private final Counter idempotentReplays;

    public Incidents(Regions regions, IncidentsConfig config,
                     ReferenceSequence references, ReportedRows rows, IdempotencyKeys idempotency, OutboxWriter outbox,
                     Organisations organisations, IncidentAccess access, ConfidentialReads reads, FieldCipher cipher,
                     ObjectMapper json, MeterRegistry registry, MetricNames names) {
        this.country = regions.country();
        this.zone = ZoneId.of(config.timeZone());
        this.rules = new IncidentRules(regions);
        this.references = references;
        this.rows = rows;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.organisations = organisations;
        this.access = access;
        this.reads = reads;
        this.cipher = cipher;
        this.json = json;
        this.incidentsReported = Counter.builder(names.of("incidents_reported_total")).description("Incidents accepted (201)")
                .register(registry);
        this.idempotentReplays = Counter.builder(names.of("idempotent_replays_total"))
                .description("Reports answered again from an Idempotency-Key, writing nothing").register(registry);
    }

    /** Throws a 400 problem naming every offending field; writes nothing. */
    public void validate(IncidentRequest request) {
        List<Problem.FieldError> errors = rules.check(request, LocalDate.now(zone));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The incident is not valid", errors));
        }
    }

    /**
     * Records a validated incident, or, for an Idempotency-Key already used with an equal body, gives the first
     * answer again without writing anything.
     */
    public StoredResponse report(Caller caller, IncidentRequest request, String idempotencyKey, String requestHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int year = now.atZone(ZoneOffset.UTC).getYear();
        references.prepare(country, year);
        return QuarkusTransaction.requiringNew().call(() -> record(caller, request, idempotencyKey, requestHash, now, year));
    }

    private StoredResponse record(Caller caller, IncidentRequest request, String idempotencyKey, String requestHash,
                                  Instant now, int year) {
        UUID organisationId = caller.organisationId().orElseThrow();
        if (idempotencyKey != null) {
            Optional<StoredResponse> first = idempotency.claim(organisationId, idempotencyKey, requestHash);
            if (first.isPresent()) {
                LOG.debugf("Idempotent replay [organisationId=%s]", organisationId);
                idempotentReplays.increment();
                return first.get();
            }
        }
        String organisationName = organisations.activeName(organisationId)
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.UNAUTHORIZED, "Unknown organisation")));
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.reference = references.next(country, year);
        incident.organisationId = organisationId;
        incident.receivedAt = now;
        incident.occurredOn = request.occurredOn();
        incident.region = request.region();
        incident.latitudeRounded = IncidentEventData.roundCoordinate(request.latitude());
        incident.longitudeRounded = IncidentEventData.roundCoordinate(request.longitude());
        incident.violations = Incident.join(request.violations());
        incident.perpetrators = Incident.join(request.perpetrators());
        incident.defendersCount = request.defenders().count();
        incident.defendersWomen = request.defenders().women() == null ? 0 : request.defenders().women();
        incident.sectors = Incident.join(request.defenders().sectors());
        incident.context = Incident.join(request.context());
        incident.riskOngoing = Boolean.TRUE.equals(request.riskOngoing());
        incident.language = request.language() == null ? "es" : request.language();
        incident.descriptionEnc = cipher.encrypt(request.description());
        incident.confidentialEnc = request.confidential() == null ? null : cipher.encrypt(write(request.confidential()));
        ExactLocation location = ExactLocation.of(request);
        incident.locationEnc = location == null ? null : cipher.encrypt(write(location));
        incident.verification = Verification.UNVERIFIED.name();
        incident.justiceStatus = JusticeStatus.NOT_REPORTED.name();
        incident.revision = 0;
        incident.updatedAt = now;

        IncidentHistory reported = new IncidentHistory();
        reported.incidentId = incident.id;
        reported.revision = 0;
        reported.at = now;
        reported.actorRole = caller.role();
        reported.actorId = caller.principalId();
        reported.verification = incident.verification;
        reported.justiceStatus = incident.justiceStatus;
        reported.riskOngoing = incident.riskOngoing;
        rows.insert(incident, reported);

        outbox.append(incident.id, EventTypes.INCIDENT_REPORTED, IncidentEvents.data(incident, organisationName), now);
        IncidentView view = view(incident, List.of(reported),
                new Decrypted(request.description(), request.confidential(), location));
        StoredResponse response = new StoredResponse(201, PATH + incident.id, write(view));
        if (idempotencyKey != null) {
            idempotency.complete(organisationId, idempotencyKey, response);
        }
        LOG.infof("Incident reported [incidentId=%s, reference=%s, organisationId=%s]", incident.id, incident.reference,
                organisationId);
        incidentsReported.increment();
        return response;
    }

    /** The incident with its decrypted parts, for a caller allowed to see it (else 404); the read is audited. */
    @Transactional
    public IncidentView read(Caller caller, UUID id) {
        Incident incident = visible(caller, id, Incident.findById(id));
        return decrypted(caller, incident);
    }

    @Transactional
    public IncidentView update(Caller caller, UUID id, UpdateRequest request) {
        Incident incident = visible(caller, id, Incident.findById(id, LockModeType.PESSIMISTIC_WRITE));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (request.verification() != null) {
            incident.verification = request.verification();
        }
        if (request.justiceStatus() != null) {
            incident.justiceStatus = request.justiceStatus();
        }
        if (request.riskOngoing() != null) {
            incident.riskOngoing = request.riskOngoing();
        }
        incident.revision += 1;
        incident.updatedAt = now;

        IncidentHistory entry = new IncidentHistory();
        entry.incidentId = incident.id;
        entry.revision = incident.revision;
        entry.at = now;
        entry.actorRole = caller.role();
        entry.actorId = caller.principalId();
        entry.verification = request.verification();
        entry.justiceStatus = request.justiceStatus();
        entry.riskOngoing = request.riskOngoing();
        entry.noteEnc = cipher.encrypt(request.note());
        entry.persist();

        String organisationName = organisations.activeName(incident.organisationId).orElse("");
        outbox.append(incident.id, EventTypes.INCIDENT_UPDATED, IncidentEvents.data(incident, organisationName), now);
        LOG.infof("Incident updated [incidentId=%s, revision=%d]", incident.id, incident.revision);
        return decrypted(caller, incident);
    }

    /** Newest receivedAt first: the caller's own (reporter), those alerted to its team (responder), or all (admin). */
    @Transactional
    public IncidentView.Page page(Caller caller, int page, int size, String region, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (caller.organisationId().isPresent()) {
            where.append(" and organisationId = :organisation");
            parameters.and("organisation", caller.organisationId().get());
        } else if (caller.teamId().isPresent()) {
            List<UUID> alerted = access.incidentsAlertedTo(caller.teamId().get());
            if (alerted.isEmpty()) {
                return new IncidentView.Page(List.of(), page, size, 0);
            }
            where.append(" and id in :alerted");
            parameters.and("alerted", alerted);
        }
        if (region != null) {
            where.append(" and region = :region");
            parameters.and("region", region);
        }
        if (from != null) {
            where.append(" and occurredOn >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.append(" and occurredOn <= :to");
            parameters.and("to", to);
        }
        var query = Incident.<Incident>find(where + " order by receivedAt desc, id desc", parameters);
        long total = query.count();
        List<IncidentView> items = query.page(page, size).list().stream()
                .map(incident -> view(incident, null, null))
                .toList();
        return new IncidentView.Page(items, page, size, total);
    }

    @Transactional
    public List<ConfidentialReads.Read> audit(Caller caller, UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null || !(caller.isAdmin() || caller.organisationId().filter(incident.organisationId::equals).isPresent())) {
            throw notFound(id);
        }
        return reads.of(id);
    }

    private Incident visible(Caller caller, UUID id, Incident incident) {
        if (incident == null) {
            throw notFound(id);
        }
        boolean allowed = caller.isAdmin()
                || caller.organisationId().filter(incident.organisationId::equals).isPresent()
                || caller.teamId().filter(team -> access.alerted(id, team)).isPresent();
        if (!allowed) {
            throw notFound(id);
        }
        return incident;
    }

    private IncidentView decrypted(Caller caller, Incident incident) {
        String description = cipher.decrypt(incident.descriptionEnc);
        ConfidentialPart confidential = incident.confidentialEnc == null ? null
                : read(cipher.decrypt(incident.confidentialEnc), ConfidentialPart.class);
        ExactLocation location = incident.locationEnc == null ? null
                : read(cipher.decrypt(incident.locationEnc), ExactLocation.class);
        reads.record(incident.id, caller, Instant.now());
        return view(incident, IncidentHistory.of(incident.id), new Decrypted(description, confidential, location));
    }

    /** The personal parts of an incident, decrypted for a caller allowed to read them. */
    private record Decrypted(String description, ConfidentialPart confidential, ExactLocation location) {
    }

    /** {@code history} null leaves it out (lists); {@code decrypted} null leaves the personal parts out. */
    private IncidentView view(Incident incident, List<IncidentHistory> history, Decrypted decrypted) {
        List<IncidentView.HistoryEntry> entries = null;
        if (history != null) {
            entries = new ArrayList<>();
            for (IncidentHistory entry : history) {
                entries.add(new IncidentView.HistoryEntry(entry.revision, entry.at, entry.actorRole, entry.actorId,
                        entry.verification, entry.justiceStatus, entry.riskOngoing,
                        decrypted == null ? null : cipher.decrypt(entry.noteEnc)));
            }
        }
        ExactLocation location = decrypted == null || decrypted.location() == null
                ? new ExactLocation(null, null, null) : decrypted.location();
        return new IncidentView(incident.id, incident.reference, IncidentView.STATUS, incident.organisationId,
                incident.receivedAt, incident.occurredOn, incident.region, location.locality(), location.latitude(),
                location.longitude(), Incident.split(incident.violations), Incident.split(incident.perpetrators),
                new IncidentView.Defenders(incident.defendersCount, incident.defendersWomen, Incident.split(incident.sectors)),
                Incident.split(incident.context), incident.riskOngoing, incident.language, incident.verification,
                incident.justiceStatus, incident.revision, incident.updatedAt, entries,
                decrypted == null ? null : decrypted.description(), decrypted == null ? null : decrypted.confidential());
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No incident " + id));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readerFor(type).withAttribute(StrictText.STORED, true).readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " unreadable", e);
        }
    }
}
