import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Waits for the broker, then creates the topics that are missing, each with retention -1 (kept forever).
 * Run by bin/centinela with the broker's jars: java -cp 'libs/*' CreateTopics.java host:port partitions topic...
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = awaitTopicNames(admin);
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                if (!existing.contains(args[i])) {
                    missing.add(new NewTopic(args[i], partitions, (short) 1)
                            .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")));
                }
            }
            admin.createTopics(missing).all().get();
            missing.forEach(topic -> System.out.println("created topic " + topic.name() + " (" + partitions + " partitions)"));
        }
    }

    private static Set<String> awaitTopicNames(Admin admin) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                return admin.listTopics().names().get();
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Kafka at " + admin + " did not answer within 60 s", e);
                }
                Thread.sleep(250);
            }
        }
    }
}
