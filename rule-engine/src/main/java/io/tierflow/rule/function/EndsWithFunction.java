package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** ENDSWITH(text, suffix): case-sensitive; null → false. SQL: tf_ends. */
@ApplicationScoped
public class EndsWithFunction extends TextMatchFunction {
    public EndsWithFunction() {
        super("ENDSWITH", "ENDSWITH(text, suffix)", String::endsWith, "tf_ends",
                "True when the text ends with the suffix (case-sensitive). False when either is null.",
                "文本以指定后缀结尾时返回真（区分大小写）。任一为空时返回假。",
                "ENDSWITH(email, \"@example.com\")");
    }
}
