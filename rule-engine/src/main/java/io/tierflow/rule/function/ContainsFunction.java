package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** CONTAINS(text, part): whether text contains part (case-sensitive); null → false. SQL: tf_contains. */
@ApplicationScoped
public class ContainsFunction extends TextMatchFunction {
    public ContainsFunction() {
        super("CONTAINS", "CONTAINS(text, part)", String::contains, "tf_contains",
                "True when the text contains the part (case-sensitive). False when either is null.",
                "文本包含指定内容时返回真（区分大小写）。任一为空时返回假。",
                "CONTAINS(remark, \"投诉\")");
    }
}
