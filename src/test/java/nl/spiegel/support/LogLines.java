package nl.spiegel.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines a logger (and the loggers below it) writes while this is open, with their arguments filled in. */
public final class LogLines extends Handler implements AutoCloseable {

    public final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level atLeast;

    private LogLines(String name, Level atLeast) {
        this.logger = Logger.getLogger(name);
        this.atLeast = atLeast;
        logger.addHandler(this);
    }

    public static LogLines of(String name) {
        return new LogLines(name, Level.ALL);
    }

    public static LogLines warningsOf(String name) {
        return new LogLines(name, Level.WARNING);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= atLeast.intValue()) {
            String message = String.valueOf(record.getMessage());
            Object[] arguments = record.getParameters();
            lines.add(arguments == null ? message : String.format(message.replace("%d", "%s"), arguments));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
