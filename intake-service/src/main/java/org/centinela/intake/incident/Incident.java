package org.centinela.intake.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An incident as stored. {@code descriptionEnc}, {@code confidentialEnc} and {@code locationEnc} (an
 * {@link ExactLocation}) are FieldCipher ciphertexts; in the clear only the coordinates rounded to 0.1°, as the
 * events carry them. Code lists are comma-separated (codes never contain commas).
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;
    public String reference;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "occurred_on")
    public LocalDate occurredOn;
    public String region;
    @Column(name = "latitude_rounded")
    public Double latitudeRounded;
    @Column(name = "longitude_rounded")
    public Double longitudeRounded;
    public String violations;
    public String perpetrators;
    @Column(name = "defenders_count")
    public int defendersCount;
    @Column(name = "defenders_women")
    public int defendersWomen;
    public String sectors;
    public String context;
    @Column(name = "risk_ongoing")
    public boolean riskOngoing;
    public String language;
    @Column(name = "description_enc")
    public String descriptionEnc;
    @Column(name = "confidential_enc")
    public String confidentialEnc;
    @Column(name = "location_enc")
    public String locationEnc;
    public String verification;
    @Column(name = "justice_status")
    public String justiceStatus;
    public int revision;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static String join(List<String> codes) {
        return codes == null ? "" : String.join(",", codes);
    }

    static List<String> split(String codes) {
        return codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
    }
}
