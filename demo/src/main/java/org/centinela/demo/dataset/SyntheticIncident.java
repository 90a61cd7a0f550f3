package org.centinela.demo.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.centinela.contract.vocabulary.JusticeStatus;

/**
 * One incident of the demo dataset: the body of {@code POST /api/v1/incidents}, the Idempotency-Key that makes a
 * rerun post it only once, and the justice statuses its follow-up updates move it through (often none).
 */
public record SyntheticIncident(int index, String idempotencyKey, ObjectNode body, List<JusticeStatus> justiceSteps) {
}
