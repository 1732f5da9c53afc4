package io.tierflow.form.trigger;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code {"type":"add_tags","tags":["churn_risk"]}}. */
@ApplicationScoped
public class AddTagsAction extends TagsAction {

    @Override
    public String type() {
        return "add_tags";
    }

    @Override
    String payloadKey() {
        return "addTags";
    }
}
