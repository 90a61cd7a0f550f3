package org.centinela.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code topics --bootstrap B --prefix P [--partitions 6] [--delete]}: creates (or deletes) the five topics a
 * reporting-service started with CENTINELA_TOPIC_PREFIX=P expects, since the broker does not auto-create them.
 */
final class BenchTopics {

    private BenchTopics() {
    }

    static List<String> names(String prefix) {
        return List.of(prefix + "centinela.incidents.v1", prefix + "centinela.incidents.v1.dlq",
                prefix + "centinela.alerts.v1", prefix + "centinela.alerts.v1.dlq", prefix + "centinela.principals.v1");
    }

    static void run(Args args) throws Exception {
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        String prefix = args.get("prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("--prefix must not be empty: these are scratch topics");
        }
        List<String> topics = names(prefix);
        if (args.has("delete")) {
            try (Admin admin = Kafka.admin(bootstrap)) {
                var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                List<String> present = topics.stream().filter(existing::contains).toList();
                admin.deleteTopics(present).all().get(60, TimeUnit.SECONDS);
                System.out.println("deleted " + present);
            }
        } else {
            Kafka.createTopics(bootstrap, topics, args.integer("partitions", 6));
            System.out.println("topics ready: " + topics);
        }
    }
}
