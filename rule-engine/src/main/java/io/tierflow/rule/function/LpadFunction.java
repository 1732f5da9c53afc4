package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** LPAD(text, length[, pad]): pads on the left, e.g. numbering with leading zeros; see {@link PadFunction}. */
@ApplicationScoped
public class LpadFunction extends PadFunction {
    public LpadFunction() {
        super(true,
                "Fills the text on the left with pad (default a space) up to the given number of characters, e.g. LPAD(\"7\", 3, \"0\") is \"007\". A longer text stays as it is. Null when the text or length is null.",
                "在文本左侧用填充文本（默认空格）补足到指定字符数，如 LPAD(\"7\", 3, \"0\") 为 \"007\"。文本已够长时保持不变。文本或长度为空时返回空。",
                "LPAD(TEXT(seq), 6, \"0\")");
    }
}
