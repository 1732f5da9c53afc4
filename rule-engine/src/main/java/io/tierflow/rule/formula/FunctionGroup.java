package io.tierflow.rule.formula;

import java.util.Locale;

/**
 * The group a {@link FormulaFunction} is listed under in editors and in {@code GET /api/formulas/functions}, in
 * the order editors show them.
 */
public enum FunctionGroup {
    LOGIC("logic", "Logic", "逻辑"),
    MATH("math", "Math", "数学"),
    TEXT("text", "Text", "文本"),
    DATE("date", "Date and time", "日期时间"),
    SCORING("scoring", "Scoring", "评分"),
    LIST("list", "Lists", "列表"),
    RELATION("relation", "Related records", "关联记录"),
    OTHER("other", "Other", "其他");

    private final String id;
    private final String en;
    private final String zh;

    FunctionGroup(String id, String en, String zh) {
        this.id = id;
        this.en = en;
        this.zh = zh;
    }

    /** Stable lower-case id, e.g. {@code "math"}. */
    public String id() {
        return id;
    }

    /** The group's name in zh or en. */
    public String displayName(Locale locale) {
        return LocalizedText.isZh(locale) ? zh : en;
    }
}
