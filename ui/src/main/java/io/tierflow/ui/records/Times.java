package io.tierflow.ui.records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as the pages show them: minutes in the server's zone, the same in both languages (2025-03-08 14:05
 * reads fine in Chinese and English). Tierflow is self-hosted, so the server's zone is the team's zone.
 */
final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    static String format(OffsetDateTime t) {
        return t == null ? null : MINUTES.format(t.atZoneSameInstant(ZoneId.systemDefault()));
    }

    /** An ISO instant as Flowable's history gives it; text that is not one is shown as it is. */
    static String format(String isoInstant) {
        if (isoInstant == null) {
            return null;
        }
        try {
            return MINUTES.format(Instant.parse(isoInstant).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }
}
