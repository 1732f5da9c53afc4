package io.tierflow.form.type;

import jakarta.enterprise.context.ApplicationScoped;

/** Single-line text, at most {@code maxLength} characters (default 200). */
@ApplicationScoped
public class TextFieldType extends TextLikeFieldType {

    @Override
    public String id() {
        return "text";
    }

    @Override
    protected int defaultMaxLength() {
        return 200;
    }

    @Override
    public String widget() {
        return "text";
    }
}
