package io.tierflow.rule.function;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** UPPER(text): Converts text to upper case. Null → null. */
@ApplicationScoped
public class UpperFunction extends UnaryFunction<String> {
    public UpperFunction() {
        super("UPPER", ValueType.TEXT, "tf_upper",
                "Converts text to upper case. Null gives null.",
                "把文本转换为大写。空值返回空。", "UPPER(code)");
    }

    @Override
    String compute(String x) {
        return x.toUpperCase(Locale.ROOT);
    }
}
