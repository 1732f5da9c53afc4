package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** RPAD(text, length[, pad]): pads on the right; see {@link PadFunction}. */
@ApplicationScoped
public class RpadFunction extends PadFunction {
    public RpadFunction() {
        super(false,
                "Fills the text on the right with pad (default a space) up to the given number of characters, e.g. RPAD(\"ab\", 4, \"*\") is \"ab**\". A longer text stays as it is. Null when the text or length is null.",
                "在文本右侧用填充文本（默认空格）补足到指定字符数，如 RPAD(\"ab\", 4, \"*\") 为 \"ab**\"。文本已够长时保持不变。文本或长度为空时返回空。",
                "RPAD(name, 10, \".\")");
    }
}
