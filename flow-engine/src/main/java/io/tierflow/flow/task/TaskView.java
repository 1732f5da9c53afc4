package io.tierflow.flow.task;

/** One open task as the inbox shows it, with the record it is about. */
public record TaskView(String id, String name, String processKey, String createdAt, Long formId, String formKey,
        String formName, Long recordId, String title, String tier) {
}
