package dev.briefs.log;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: the pattern for plain lines, or one of Spring Boot's structured JSON
 * formats (ecs, logstash, gelf), as {@code format} says. One appender with a choice inside it,
 * rather than an appender per format: Logback warns on every start about an appender declared and
 * not used, and Spring Boot prints that warning.
 */
public final class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    public static final String PLAIN = "plain";

    private String format = PLAIN;
    private String pattern;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format.strip().toLowerCase(Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if (PLAIN.equals(format)) {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setPattern(pattern);
            plain.setCharset(StandardCharsets.UTF_8);
            delegate = plain;
        } else {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(format);
            json.setCharset(StandardCharsets.UTF_8);
            delegate = json;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        if (!ConsoleBar.isShown()) {
            return line;
        }
        byte[] out = new byte[ConsoleBar.CLEAR_LINE.length + line.length];
        System.arraycopy(ConsoleBar.CLEAR_LINE, 0, out, 0, ConsoleBar.CLEAR_LINE.length);
        System.arraycopy(line, 0, out, ConsoleBar.CLEAR_LINE.length, line.length);
        return out;
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
