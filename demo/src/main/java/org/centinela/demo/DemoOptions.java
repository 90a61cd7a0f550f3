package org.centinela.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code bin/centinela demo} passes on (its own options and those of the person running it). */
record DemoOptions(int incidents, long seed, URI intake, URI alerts, URI reporting, URI webhookUrl, Path webhookSecretFile,
                   Path stateFile, int workers) {

    static final int MAX_INCIDENTS = 100_000;

    static final String USAGE = """
            usage: bin/centinela demo [--incidents N] [--seed S]
              --incidents N     incidents to post (default 2000, at most 100000)
              --seed S          which synthetic dataset (default 1); the same seed is the same dataset, so a rerun adds nothing
              --intake-url U, --alerts-url U, --reporting-url U   the services (default http://127.0.0.1:8081, :8082, :8083)
              --workers W       concurrent requests (default 8)
            bin/centinela passes --state, --webhook-url and --webhook-secret-file.""";

    static DemoOptions parse(String[] args) {
        int incidents = 2000;
        long seed = 1;
        URI intake = URI.create("http://127.0.0.1:8081");
        URI alerts = URI.create("http://127.0.0.1:8082");
        URI reporting = URI.create("http://127.0.0.1:8083");
        URI webhookUrl = null;
        Path secretFile = null;
        Path state = Path.of(".run/demo/state.json");
        int workers = 8;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = rest.remove(0);
            try {
                switch (option) {
                    case "--incidents" -> incidents = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--intake-url" -> intake = URI.create(value);
                    case "--alerts-url" -> alerts = URI.create(value);
                    case "--reporting-url" -> reporting = URI.create(value);
                    case "--webhook-url" -> webhookUrl = URI.create(value);
                    case "--webhook-secret-file" -> secretFile = Path.of(value);
                    case "--state" -> state = Path.of(value);
                    case "--workers" -> workers = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
            }
        }
        if (incidents < 1 || incidents > MAX_INCIDENTS) {
            throw new IllegalArgumentException("--incidents must be between 1 and " + MAX_INCIDENTS);
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("--workers must be between 1 and 64");
        }
        if (webhookUrl == null || secretFile == null) {
            throw new IllegalArgumentException("--webhook-url and --webhook-secret-file are required (bin/centinela passes them)");
        }
        return new DemoOptions(incidents, seed, intake, alerts, reporting, webhookUrl, secretFile, state, workers);
    }
}
