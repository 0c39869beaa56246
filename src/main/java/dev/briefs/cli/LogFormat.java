package dev.briefs.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * How log lines are written: plain lines for people, or JSON lines for log shippers in one of
 * Spring Boot's structured formats. Chosen by {@code --log-format}, else by Spring Boot's own
 * property {@code logging.structured.format.console} (as a system property or the environment
 * variable {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}), else plain.
 *
 * <p>The command line decides before any work starts, and Spring Boot, when a command starts it,
 * configures Logback again from the same {@code logback.xml} with the same choice.
 */
enum LogFormat {
    PLAIN("plain"),
    JSON("ecs"),
    ECS("ecs"),
    LOGSTASH("logstash"),
    GELF("gelf");

    /** Spring Boot's property for the console's structured format. */
    static final String SPRING_PROPERTY = "logging.structured.format.console";
    /** The system property logback.xml reads: plain, or the name of a structured format. */
    static final String PROPERTY = "BRIEFS_LOG_FORMAT";

    private final String encoderFormat;

    LogFormat(String encoderFormat) {
        this.encoderFormat = encoderFormat;
    }

    /** @param option the command line's choice, null when it made none */
    static LogFormat resolve(LogFormat option, Environment environment) {
        if (option != null) {
            return option;
        }
        String property = environment.getProperty(SPRING_PROPERTY);
        if (property == null || property.isBlank()) {
            return PLAIN;
        }
        try {
            return valueOf(property.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(SPRING_PROPERTY + " is '" + property + "'; briefs writes ecs, logstash or gelf "
                    + "(or use --log-format plain|json|ecs|logstash|gelf)");
        }
    }

    /** The format log lines are written in now. */
    static LogFormat current() {
        String now = System.getProperty(PROPERTY);
        return now == null || now.equals(PLAIN.encoderFormat) ? PLAIN : JSON;
    }

    /**
     * Writes log lines in this format until the returned handle is closed, which puts back the
     * format before (tests run many commands in one process).
     */
    Applied apply() {
        String before = System.getProperty(PROPERTY);
        if (encoderFormat.equals(before == null ? PLAIN.encoderFormat : before)) {
            return () -> {};
        }
        set(encoderFormat);
        reconfigure();
        return () -> {
            set(before);
            reconfigure();
        };
    }

    /** Closes without a checked exception. */
    interface Applied extends AutoCloseable {
        @Override
        void close();
    }

    private static void set(String value) {
        if (value == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, value);
        }
    }

    private static void reconfigure() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL config = ConfigurationWatchListUtil.getMainWatchURL(context);
        if (config == null) {
            config = LogFormat.class.getResource("/logback.xml");
        }
        context.reset();
        // Boot's structured encoders read their settings from a Spring environment; before Boot
        // starts, the process's own (system properties, environment variables) stands in.
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("briefs", Map.of("spring.application.name", "briefs")));
        context.putObject(Environment.class.getName(), environment);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + config + ": " + e.getMessage(), e);
        }
    }
}
