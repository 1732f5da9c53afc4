package io.tierflow.form.type;

import jakarta.enterprise.context.ApplicationScoped;

/** Multi-line text (notes, follow-up minutes), at most 10,000 characters. */
@ApplicationScoped
public class TextareaFieldType extends TextLikeFieldType {

    @Override
    public String id() {
        return "textarea";
    }

    @Override
    protected int defaultMaxLength() {
        return 10_000;
    }

    @Override
    public String widget() {
        return "textarea";
    }
}
