package org.centinela.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Lifts the context every log line already carries ({@code [incidentId=…, alertId=…]}) into the record's MDC, so that
 * the JSON log of the prod profile has them as fields an operator can filter on, with no change at any call site.
 */
@LoggingFilter(name = ContextFields.NAME)
public final class ContextFields implements Filter {

    public static final String NAME = "centinela-context";
    private static final Pattern FIELD = Pattern.compile(
            "\\b(incidentId|alertId|teamId|organisationId|deliveryId|eventId|principalId|consumer|generation|reference)"
                    + "=([^,\\]\\s]+)");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext && ext.getFormattedMessage() != null) {
            Matcher field = FIELD.matcher(ext.getFormattedMessage());
            while (field.find()) {
                ext.putMdc(field.group(1), field.group(2));
            }
        }
        return true;
    }
}
