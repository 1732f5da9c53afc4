package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** TRIM(text): Removes spaces at both ends of the text. Null → null. */
@ApplicationScoped
public class TrimFunction extends UnaryFunction<String> {
    public TrimFunction() {
        super("TRIM", ValueType.TEXT, "tf_strip",
                "Removes spaces at both ends of the text. Null gives null.",
                "去掉文本两端的空白。空值返回空。", "TRIM(name)");
    }

    @Override
    String compute(String x) {
        return x.strip();
    }
}
