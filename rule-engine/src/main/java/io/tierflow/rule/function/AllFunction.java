package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** ALL(list, value1, …): true when the comma-separated list holds every value. See {@link ListMatchFunction}. */
@ApplicationScoped
public class AllFunction extends ListMatchFunction {
    public AllFunction() {
        super(true,
                "True when the list, text with items separated by commas such as a multi-select field, contains every one of the values (null values are ignored). Spaces around items are ignored; comparison is case-sensitive. False for a null list. (For 'all of these conditions' use AND.)",
                "当列表（以逗号分隔各项的文本，如多选字段）包含所有给定值时返回真（忽略为空的值）。忽略各项两端的空格；区分大小写。列表为空时返回假。（“所有条件都成立”请用 AND。）",
                "ALL(products, \"A\", \"B\")");
    }
}
