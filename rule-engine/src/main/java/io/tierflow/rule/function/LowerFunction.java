package io.tierflow.rule.function;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** LOWER(text): Converts text to lower case, character by character (Σ always becomes σ). Null → null. */
@ApplicationScoped
public class LowerFunction extends UnaryFunction<String> {
    public LowerFunction() {
        super("LOWER", ValueType.TEXT, "tf_lower",
                "Converts text to lower case (a Greek capital sigma always becomes σ). Null gives null.",
                "把文本转换为小写（希腊大写字母 Σ 一律变为 σ）。空值返回空。", "LOWER(email)");
    }

    @Override
    String compute(String x) {
        // Σ always becomes σ: Java picks the word-final ς by word boundaries, ICU (the SQL side) by Unicode's
        // Final_Sigma rule, and they disagree on e.g. "ǅΣ9"; without the final form LOWER is per character in both
        return x.replace('Σ', 'σ').toLowerCase(Locale.ROOT);
    }
}
