package org.centinela.intake.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member organisation of the coalition; it reports incidents with the token it received on creation. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String acronym;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static List<Organisation> active() {
        return list("deletedAt is null order by createdAt, id");
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
