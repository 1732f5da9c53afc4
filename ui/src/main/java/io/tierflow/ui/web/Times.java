package io.tierflow.ui.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as the pages show them: minutes in the server's zone, the same in both languages (2025-03-08 14:05
 * reads fine in Chinese and English). Tierflow is self-hosted, so the server's zone is the team's zone.
 */
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    public static String format(OffsetDateTime t) {
        return t == null ? null : MINUTES.format(t.atZoneSameInstant(ZoneId.systemDefault()));
    }

    public static String format(Instant t) {
        return t == null ? null : MINUTES.format(t.atZone(ZoneId.systemDefault()));
    }

    /** An ISO instant as Flowable's history or PostgreSQL's JSON gives it; text that is not one is shown as it is. */
    public static String format(String isoInstant) {
        Instant t = parse(isoInstant);
        return t != null ? format(t) : isoInstant;
    }

    /** The instant of ISO text (with Z or an offset), or null for null or text that is not one. */
    public static Instant parse(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
