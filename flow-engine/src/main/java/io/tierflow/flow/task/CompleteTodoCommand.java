package io.tierflow.flow.task;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.identity.Caller;
import io.tierflow.flow.ApprovalVariables;
import io.tierflow.flow.engine.CommandJdbc;
import io.tierflow.flow.todo.TodoTasks;

/**
 * Completes one to-do task in one Flowable command, with its audit entry under the record. A task the caller may
 * not act on is {@link Outcome#NOT_FOUND} (as for approvals, strangers learn nothing about it); an approval is
 * {@link Outcome#NOT_TODO}: it is approved or rejected, never just completed.
 */
final class CompleteTodoCommand implements Command<CompleteTodoCommand.Outcome> {

    enum Outcome { COMPLETED, NOT_FOUND, NOT_TODO }

    private final TaskService tasks;
    private final AuditLog audit;
    private final Caller caller;
    private final String taskId;

    CompleteTodoCommand(TaskService tasks, AuditLog audit, Caller caller, String taskId) {
        this.tasks = tasks;
        this.audit = audit;
        this.caller = caller;
        this.taskId = taskId;
    }

    @Override
    public Outcome execute(CommandContext context) {
        // no includeTaskLocalVariables here: a task read with it caches an empty identity-link list, and the
        // candidate-group check below would then see none
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !TaskAccess.mayAct(caller, task.getAssignee(), tasks.getIdentityLinksForTask(taskId))) {
            return Outcome.NOT_FOUND;
        }
        if (!TodoTasks.CATEGORY.equals(task.getCategory())) {
            return Outcome.NOT_TODO;
        }
        Map<String, Object> v = tasks.getVariablesLocal(taskId);
        String me = String.valueOf(caller.id());
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(me);
        try {
            if (task.getAssignee() == null) {
                tasks.setAssignee(taskId, me); // offered to a role: the history says who did it
            }
            tasks.setVariableLocal(taskId, ApprovalVariables.OUTCOME, TodoTasks.COMPLETED);
            tasks.complete(taskId);
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
        Object formId = v.get(ApprovalVariables.FORM_ID);
        Object recordId = v.get(ApprovalVariables.RECORD_ID);
        boolean aboutRecord = formId != null && recordId != null;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", taskId);
        detail.put("taskName", task.getName());
        detail.put("formId", formId);
        detail.put("recordId", recordId);
        detail.put("outcome", TodoTasks.COMPLETED);
        try {
            // filed under the record, as decisions are, so it shows in the record's history
            audit.record(CommandJdbc.connection(context), caller.id(), "task." + TodoTasks.COMPLETED,
                    aboutRecord ? "rec_" + formId : "task", aboutRecord ? recordId.toString() : taskId, detail);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the completion of task " + taskId, e);
        }
        return Outcome.COMPLETED;
    }
}
