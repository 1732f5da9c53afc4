package io.tierflow.form.trigger;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code {"type":"remove_tags","tags":["churn_risk"]}}. */
@ApplicationScoped
public class RemoveTagsAction extends TagsAction {

    @Override
    public String type() {
        return "remove_tags";
    }

    @Override
    String payloadKey() {
        return "removeTags";
    }
}
