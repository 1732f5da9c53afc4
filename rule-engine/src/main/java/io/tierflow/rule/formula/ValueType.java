package io.tierflow.rule.formula;

import java.util.Locale;

/**
 * Static types of the formula language and the Java classes that carry their values at run time.
 * <ul>
 *   <li>{@link #NUMBER} – {@link java.math.BigDecimal}</li>
 *   <li>{@link #TEXT} – {@link String}</li>
 *   <li>{@link #BOOLEAN} – {@link Boolean}</li>
 *   <li>{@link #DATE} – {@link java.time.LocalDate}</li>
 *   <li>{@link #DATETIME} – {@link java.time.OffsetDateTime} (compared by instant)</li>
 *   <li>{@link #NULL} – the type of the literal {@code null}; unifies with every other type</li>
 * </ul>
 */
public enum ValueType {
    NUMBER("number", "数字"),
    TEXT("text", "文本"),
    BOOLEAN("true/false", "布尔值（真/假）"),
    DATE("date", "日期"),
    DATETIME("date-time", "日期时间"),
    NULL("null", "空值（null）");

    private final String en;
    private final String zh;

    ValueType(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** Human name of the type in the given locale (zh or en). */
    public String displayName(Locale locale) {
        return LocalizedText.isZh(locale) ? zh : en;
    }
}
