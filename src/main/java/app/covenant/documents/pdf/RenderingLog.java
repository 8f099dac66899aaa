package app.covenant.documents.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to SLF4J. Left alone, the library writes them to the console
 * through a java.util.logging handler of its own, past the application's structured logs. Its INFO
 * messages are progress chatter ("Prepare to fly"), so they go to DEBUG; warnings (a refused
 * resource, a CSS error) stay warnings.
 *
 * <p>Only the level constants are compared: the library's interface speaks java.util.logging, the
 * application does not log through it.
 */
final class RenderingLog implements XRLogger {

    private RenderingLog() {
    }

    /** Process-wide, like the library's logger; installing it again changes nothing. */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof RenderingLog)) {
            XRLog.setLoggerImpl(new RenderingLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        if (isWarning(level)) {
            logger.warn(message, error);
        } else {
            logger.debug(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are the logging configuration's business (logging.level.com.openhtmltopdf).
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        return isWarning(diagnostic.getLevel()) ? logger.isWarnEnabled() : logger.isDebugEnabled();
    }

    private static boolean isWarning(Level level) {
        return level == Level.WARNING || level == Level.SEVERE;
    }
}
