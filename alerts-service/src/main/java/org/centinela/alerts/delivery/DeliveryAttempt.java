package org.centinela.alerts.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One try of a delivery: written SENDING before the call, then updated with what happened. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    public static final String SENDING = "SENDING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    /** The instance that made the attempt stopped before knowing its outcome; the delivery was tried again. */
    public static final String ABANDONED = "ABANDONED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID deliveryId;
    public Instant at;
    public String outcome;
    public Integer httpStatus;
    public String error;
}
