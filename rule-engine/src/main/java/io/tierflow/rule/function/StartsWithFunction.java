package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** STARTSWITH(text, prefix): case-sensitive; null → false. SQL: tf_starts. */
@ApplicationScoped
public class StartsWithFunction extends TextMatchFunction {
    public StartsWithFunction() {
        super("STARTSWITH", "STARTSWITH(text, prefix)", String::startsWith, "tf_starts",
                "True when the text begins with the prefix (case-sensitive). False when either is null.",
                "文本以指定前缀开头时返回真（区分大小写）。任一为空时返回假。",
                "STARTSWITH(phone, \"138\")");
    }
}
