package io.tierflow.flow.todo;

/**
 * Names that mark a to-do task: a standalone Flowable task (no process) created by a rule's {@code create_task}
 * action. Its record is in task-local variables under the names of {@link io.tierflow.flow.ApprovalVariables}
 * ({@code formId}, {@code formKey}, {@code formName}, {@code recordId}, {@code title}, {@code ownerId}).
 */
public final class TodoTasks {

    /** The Flowable task category of to-do tasks; approvals have none. */
    public static final String CATEGORY = "todo";
    /** Task-local variable: dedupe key of the effect that created the task, guards against a second one. */
    public static final String EFFECT = "todoEffect";
    /** Task-local variable: whom the rule gave the task to ({@code owner}, {@code manager} or a role). */
    public static final String ASSIGN_TO = "assignTo";
    /** What a completed to-do's {@code outcome} variable says. */
    public static final String COMPLETED = "completed";

    private TodoTasks() {
    }
}
