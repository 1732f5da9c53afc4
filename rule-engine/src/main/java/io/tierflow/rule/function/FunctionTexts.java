package io.tierflow.rule.function;

import java.util.List;
import java.util.Locale;

/** What editors show of a built-in function or aggregate: its name, signature, description (zh/en) and examples. */
abstract class FunctionTexts {
    private final String name;
    private final String signature;
    private final String en;
    private final String zh;
    private final List<String> examples;

    FunctionTexts(String name, String signature, String en, String zh, String... examples) {
        this.name = name;
        this.signature = signature;
        this.en = en;
        this.zh = zh;
        this.examples = List.of(examples);
    }

    public String name() {
        return name;
    }

    public String signature() {
        return signature;
    }

    public String description(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    public List<String> examples() {
        return examples;
    }

    @Override
    public String toString() {
        return signature + " " + examples;
    }
}
