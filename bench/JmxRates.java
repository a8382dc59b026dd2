import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Rates of a JVM's Kafka metrics over a window, read over remote JMX (bench/pipeline-diag.sh starts
 * the agent): per API the broker's requests (kafka.network RequestMetrics RequestsPerSec), per
 * topic its bytes and messages in and out (BrokerTopicMetrics), and for a client JVM its
 * producers' and consumers' request counts and bytes per client-id. Usage: {@code java
 * bench/JmxRates.java HOST:PORT SECONDS}. Prints "per-second-rate metric" lines, largest first.
 */
public final class JmxRates {
  private static final String[][] COUNTERS = {
    {"kafka.network:type=RequestMetrics,name=RequestsPerSec,*", "Count"},
    {"kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,*", "Count"},
    {"kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec,*", "Count"},
    {"kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,*", "Count"},
    {"kafka.server:type=BrokerTopicMetrics,name=TotalProduceRequestsPerSec,*", "Count"},
    {"kafka.server:type=BrokerTopicMetrics,name=TotalFetchRequestsPerSec,*", "Count"},
    {"kafka.producer:type=producer-metrics,*", "request-total"},
    {"kafka.producer:type=producer-metrics,*", "outgoing-byte-total"},
    {"kafka.producer:type=producer-metrics,*", "record-send-total"},
    {"kafka.consumer:type=consumer-fetch-manager-metrics,*", "fetch-total"},
    {"kafka.consumer:type=consumer-fetch-manager-metrics,*", "bytes-consumed-total"},
    {"kafka.consumer:type=consumer-metrics,*", "request-total"},
    {"kafka.consumer:type=consumer-coordinator-metrics,*", "commit-total"},
  };

  private JmxRates() {}

  public static void main(String[] args) throws Exception {
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + args[0] + "/jmxrmi");
    double seconds = Double.parseDouble(args[1]);
    try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      Map<String, Double> before = snapshot(server);
      Thread.sleep((long) (seconds * 1000));
      Map<String, Double> after = snapshot(server);
      TreeMap<Double, String> lines = new TreeMap<>();
      int i = 0;
      for (var e : after.entrySet()) {
        double rate = (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / seconds;
        if (rate > 0) {
          lines.put(-rate - 1e-9 * i++, String.format("%12.1f %s", rate, e.getKey()));
        }
      }
      lines.values().forEach(System.out::println);
    }
  }

  private static Map<String, Double> snapshot(MBeanServerConnection server) throws Exception {
    Map<String, Double> values = new TreeMap<>();
    for (String[] counter : COUNTERS) {
      Set<ObjectName> names = server.queryNames(new ObjectName(counter[0]), null);
      for (ObjectName name : names) {
        try {
          Object v = server.getAttribute(name, counter[1]);
          values.put(
              name.getKeyPropertyListString() + " " + counter[1], ((Number) v).doubleValue());
        } catch (Exception e) {
          // attribute absent on this MBean (e.g. a node-level consumer-metrics bean)
        }
      }
    }
    return values;
  }
}
