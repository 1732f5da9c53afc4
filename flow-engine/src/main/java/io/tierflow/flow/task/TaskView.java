package io.tierflow.flow.task;

/**
 * One open task as the inbox shows it, with the record it is about. {@code kind} tells an approval ({@link #APPROVAL},
 * decided by approve or reject) from a rule's to-do ({@link #TODO}, completed); {@code dueAt} is set for to-dos with a
 * due date.
 */
public record TaskView(String id, String name, String processKey, String createdAt, Long formId, String formKey,
        String formName, Long recordId, String title, String tier, String kind, String dueAt) {

    public static final String APPROVAL = "approval";
    public static final String TODO = "todo";
}
