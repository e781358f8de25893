import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import dev.propsops.heartbeat.demo.DemoSeeder;
import java.time.Instant;

/**
 * Benchmark helper, run as a single-file program on props-ops' own classpath:
 *   Seed seed HOST:PORT N   writes N old legacy docs of 30 processors plus their 30 canonical docs
 *   Seed count HOST:PORT    prints the number of docs in processor_heartbeats
 */
public class Seed {
    public static void main(String[] args) throws Exception {
        Firestore db = FirestoreOptions.newBuilder().setProjectId("demo-props-ops").setEmulatorHost(args[1]).build().getService();
        try {
            if (args[0].equals("seed")) {
                long n = new DemoSeeder(db, "processor_heartbeats", Instant.now()).seedLegacyOnly(Integer.parseInt(args[2]));
                System.out.println(n);
            } else {
                System.out.println(db.collection("processor_heartbeats").count().get().get().getCount());
            }
        } finally {
            db.close();
        }
    }
}
