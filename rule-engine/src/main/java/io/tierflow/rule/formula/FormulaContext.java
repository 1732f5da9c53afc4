package io.tierflow.rule.formula;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When and where a formula is evaluated, given explicitly to both back ends so that they agree: {@code TODAY()} is
 * the clock's date in the clock's zone, and a DATETIME is seen in that zone (its calendar date for YEAR, MONTH,
 * DATEDIF and DAYSSINCE, its offset and text form). The zone must also be known to PostgreSQL's time zone database
 * (any region id such as {@code Asia/Shanghai}, or a fixed offset).
 */
public record FormulaContext(Clock clock) {
    public FormulaContext {
        Objects.requireNonNull(clock, "clock");
    }

    public static FormulaContext of(Clock clock) {
        return new FormulaContext(clock);
    }

    /** The JVM's clock and default zone. */
    public static FormulaContext system() {
        return new FormulaContext(Clock.systemDefaultZone());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The zone as PostgreSQL's {@code AT TIME ZONE} reads it. Fixed offsets are written as POSIX specifications,
     * because PostgreSQL reads a bare {@code +08:00} or {@code UTC+8} with the sign inverted (POSIX counts west).
     */
    String sqlZone() {
        ZoneId zone = zone();
        if (!zone.getRules().isFixedOffset()) {
            return zone.getId();
        }
        int total = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
        if (total == 0) {
            return "UTC";
        }
        int abs = Math.abs(total);
        String hms = String.format("%02d:%02d:%02d", abs / 3600, abs / 60 % 60, abs % 60);
        String name = (total < 0 ? "-" : "+") + hms.replace(":", "");
        return "<" + name + ">" + (total < 0 ? "+" : "-") + hms;
    }
}
