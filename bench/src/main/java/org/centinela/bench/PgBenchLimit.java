package org.centinela.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limit of intake-throughput: PostgreSQL's own pgbench running the durable transaction an accepted incident
 * costs at least (SPEC §8): one ~1 KB incident row and one ~0.6 KB outbox row, committed with the server's
 * default synchronous_commit, at the same concurrency, in a scratch database created and dropped here.
 */
final class PgBenchLimit {

    static final String DATABASE = "centinela_bench";

    private static final String SCHEMA = """
            CREATE TABLE bench_incident (
                id uuid PRIMARY KEY,
                organisation_id int NOT NULL,
                received_at timestamptz NOT NULL,
                payload text NOT NULL);
            CREATE TABLE bench_outbox (
                id bigserial PRIMARY KEY,
                aggregate_id uuid NOT NULL,
                created_at timestamptz NOT NULL,
                payload text NOT NULL);
            """;

    // md5() of random() gives 32 incompressible-looking characters: 32 × 32 = 1,024 and 19 × 32 = 608 characters.
    private static final String SCRIPT = """
            \\set org random(1, 1000)
            BEGIN;
            INSERT INTO bench_incident (id, organisation_id, received_at, payload)
                VALUES (gen_random_uuid(), :org, now(), repeat(md5(random()::text), 32));
            INSERT INTO bench_outbox (aggregate_id, created_at, payload)
                VALUES (gen_random_uuid(), now(), repeat(md5(random()::text), 19));
            END;
            """;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern TRANSACTIONS = Pattern.compile("actually processed: ([0-9]+)");

    record Outcome(double tps, long transactions) {
    }

    private PgBenchLimit() {
    }

    static Outcome run(Postgres postgres, int clients, int seconds) throws Exception {
        Path script = Files.createTempFile("centinela-bench-", ".sql");
        try {
            Files.writeString(script, SCRIPT);
            postgres.recreate(DATABASE);
            postgres.psql(DATABASE, SCHEMA);
            List<String> command = new ArrayList<>(postgres.connection("pgbench"));
            command.addAll(List.of("-n", "-c", String.valueOf(clients),
                    "-j", String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                    "-T", String.valueOf(seconds), "-M", "prepared", "-f", script.toString(), DATABASE));
            String output = Processes.run(command, seconds + 120L);
            return new Outcome(Double.parseDouble(find(TPS, output)), Long.parseLong(find(TRANSACTIONS, output)));
        } finally {
            Files.deleteIfExists(script);
            postgres.drop(DATABASE);
        }
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ": " + Json.abbreviate(output));
        }
        return matcher.group(1);
    }
}
