package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * ANY(list, value1, …): true when the comma-separated list (e.g. a multi-select field) holds at least one of the
 * values. See {@link ListMatchFunction}. For "any of these conditions" use OR.
 */
@ApplicationScoped
public class AnyFunction extends ListMatchFunction {
    public AnyFunction() {
        super(false,
                "True when the list, text with items separated by commas such as a multi-select field, contains at least one of the values. Spaces around items are ignored; comparison is case-sensitive. False for a null list; null values are ignored. (For 'any of these conditions' use OR.)",
                "当列表（以逗号分隔各项的文本，如多选字段）包含任一给定值时返回真。忽略各项两端的空格；区分大小写。列表为空时返回假；忽略为空的值。（“任一条件成立”请用 OR。）",
                "ANY(tags, \"VIP\", \"战略\")");
    }
}
