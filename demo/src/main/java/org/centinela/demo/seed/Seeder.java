package org.centinela.demo.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.demo.api.CentinelaApi;
import org.centinela.demo.dataset.IncidentGenerator;
import org.centinela.demo.dataset.SyntheticIncident;

/**
 * Posts the dataset as the demo organisation: every incident under its Idempotency-Key (a rerun is answered with
 * replays and adds nothing), then the justice-status updates the incidents do not have yet (an incident's revision
 * counts its updates, so a rerun posts none again).
 */
public final class Seeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    /** The incidents posted (new or replayed), the updates of the dataset and those this run posted. */
    public record Result(int incidents, int updates, int updatesPosted) {
    }

    private final CentinelaApi api;
    private final String reporterToken;
    private final IncidentGenerator generator;
    private final int workers;
    private final PrintStream progress;
    private final boolean terminal;

    public Seeder(CentinelaApi api, String reporterToken, IncidentGenerator generator, int workers, PrintStream progress,
                  boolean terminal) {
        this.api = api;
        this.reporterToken = reporterToken;
        this.generator = generator;
        this.workers = workers;
        this.progress = progress;
        this.terminal = terminal;
    }

    public Result seed(int count) throws InterruptedException {
        String[] ids = new String[count];
        try (ProgressBar bar = new ProgressBar(count, "incidents", progress, terminal)) {
            inParallel(count, index -> {
                SyntheticIncident incident = generator.incident(index);
                ids[index] = api.report(reporterToken, incident.idempotencyKey(), incident.body());
                bar.advance();
            });
        }
        Map<String, Integer> revisions = revisions();
        List<Runnable> updates = new ArrayList<>();
        int inDataset = 0;
        int toPost = 0;
        for (int index = 0; index < count; index++) {
            List<JusticeStatus> path = generator.incident(index).justiceSteps();
            String id = ids[index];
            int done = Math.min(revisions.getOrDefault(id, 0), path.size());
            inDataset += path.size();
            toPost += path.size() - done;
            if (done < path.size()) {
                // One incident's steps in order, in one task; incidents side by side.
                updates.add(() -> {
                    for (int step = done; step < path.size(); step++) {
                        api.update(reporterToken, id, update(path.get(step), step == 0));
                    }
                });
            }
        }
        if (!updates.isEmpty()) {
            try (ProgressBar bar = new ProgressBar(updates.size(), "incidents updated", progress, terminal)) {
                inParallel(updates.size(), i -> {
                    updates.get(i).run();
                    bar.advance();
                });
            }
        }
        return new Result(count, inDataset, toPost);
    }

    /** The revision of every incident of the organisation: how many updates each has had. */
    private Map<String, Integer> revisions() {
        Map<String, Integer> revisions = new HashMap<>();
        CentinelaApi.Page first = api.incidents(reporterToken, 0, PAGE);
        first.items().forEach(item -> revisions.put(item.id(), item.revision()));
        long pages = (first.total() + PAGE - 1) / PAGE;
        for (int number = 1; number < pages; number++) {
            api.incidents(reporterToken, number, PAGE).items().forEach(item -> revisions.put(item.id(), item.revision()));
        }
        return revisions;
    }

    private static ObjectNode update(JusticeStatus status, boolean first) {
        ObjectNode body = JSON.createObjectNode();
        if (first) {
            body.put("verification", "CONFIRMED");
        }
        body.put("justiceStatus", status.name());
        body.put("note", switch (status) {
            case COMPLAINT_FILED -> "Denuncia presentada ante la fiscalía provincial. (Dato sintético.)";
            case UNDER_INVESTIGATION -> "La fiscalía abrió investigación preliminar. (Dato sintético.)";
            case CHARGES_FILED -> "La fiscalía formalizó la acusación. (Dato sintético.)";
            case CONVICTION -> "Sentencia condenatoria en primera instancia. (Dato sintético.)";
            case ACQUITTAL -> "Los acusados fueron absueltos. (Dato sintético.)";
            case ARCHIVED_WITHOUT_SANCTION -> "La fiscalía archivó el caso sin sanción. (Dato sintético.)";
            case NOT_REPORTED -> "Sin denuncia. (Dato sintético.)";
        });
        return body;
    }

    private interface Task {
        void run(int index);
    }

    private void inParallel(int count, Task task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                int at = index;
                futures.add(pool.submit(() -> task.run(at)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
