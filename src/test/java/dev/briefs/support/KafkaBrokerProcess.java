package dev.briefs.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * A real Kafka broker that a test can kill and start again: Apache Kafka's own server ({@code kafka.Kafka}, in
 * KRaft mode, broker and controller in one process) in a child JVM, on fixed loopback ports and a log directory
 * that outlive the process, so that the broker started again is the same broker, with the same topics, messages
 * and committed consumer offsets. spring-kafka-test's embedded broker lives inside the test JVM and cannot be
 * started again where it was.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** How long a start may take: about 7 s here, and up to 15 s after a kill; room for a loaded 2-core machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path properties;
    private final int port;
    private RunningChild process;

    private KafkaBrokerProcess(Path properties, int port) {
        this.properties = properties;
        this.port = port;
    }

    /** Writes the broker's configuration under {@code dir} and formats its log directory, as {@code kafka-storage format} does. */
    public static KafkaBrokerProcess format(Path dir) throws IOException {
        int port = freePort();
        int controllerPort = freePort();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                # A broker killed leaves its registration with its controller (itself) until this session ends;
                # the default 9 s makes each restart after a kill wait that long before it serves.
                broker.heartbeat.interval.ms=500
                broker.session.timeout.ms=2000
                """.formatted(port, controllerPort, logs.toAbsolutePath()));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()},
                new PrintStream(said, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + said.toString(StandardCharsets.UTF_8));
        }
        return new KafkaBrokerProcess(properties, port);
    }

    /** Starts the broker and waits until it serves. */
    public KafkaBrokerProcess start() throws IOException, InterruptedException {
        process = new RunningChild(ChildJvm.start("kafka.Kafka", properties.toString()), START_LIMIT);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        // The job's logging configuration keeps the broker's own "started" line (INFO) out of its output: ask it.
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200))) {
            while (true) {
                if (!process.process.isAlive()) {
                    process.ends(10);
                    throw new IllegalStateException("the broker ended at its start:\n" + process.output());
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return this;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "the broker did not serve within " + START_LIMIT.toSeconds() + " s:\n"
                                        + process.output(),
                                e);
                    }
                }
            }
        }
    }

    /** kill -9: no controlled shutdown, nothing flushed that the kernel did not already have. */
    public void kill() throws InterruptedException {
        process.process.destroyForcibly();
        process.process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the broker's controlled shutdown, as a restart by an operator or a rolling update does it. */
    public void stop() throws InterruptedException {
        process.process.toHandle().destroy();
        process.ends(60);
    }

    /**
     * Limits every producer to {@code bytesPerSecond} ({@code producer_byte_rate}, a default client quota), or
     * lifts the limit with null, as {@code kafka-configs --alter --entity-type clients --entity-default} does. A
     * producer over its quota is held back by the broker for up to the quota's window (11 s by default) before
     * its next write is taken.
     */
    public void limitProducers(Double bytesPerSecond) throws Exception {
        Map<String, String> everyClient = new HashMap<>();
        everyClient.put(ClientQuotaEntity.CLIENT_ID, null); // null: the default for every client
        ClientQuotaAlteration limit = new ClientQuotaAlteration(
                new ClientQuotaEntity(everyClient),
                List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterClientQuotas(List.of(limit)).all().get(60, TimeUnit.SECONDS);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.process.destroyForcibly();
        }
    }

    /** A port free on this machine now, for a server a test starts (and, for RestartablePostgres, starts again). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
