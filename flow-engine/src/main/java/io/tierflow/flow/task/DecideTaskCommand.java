package io.tierflow.flow.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.flow.ApprovalVariables;
import io.tierflow.flow.engine.CommandJdbc;

/**
 * Approves or rejects one task in one Flowable command, so the comment, the completion, the audit
 * entry and the {@code record.update} effect commit together or not at all. The service calls
 * made inside reuse this command's context (Flowable's CommandContextInterceptor), hence its
 * transaction. Returns null when the task is not there for this caller (no exception: Flowable
 * would log it as an error, and a 404 is not one).
 */
final class DecideTaskCommand implements Command<DecideTaskCommand.Result> {

    static final String RECORD_UPDATE = "record.update";

    record Result(String taskId, String outcome, String processInstanceId) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final EffectJournal journal;
    private final Caller caller;
    private final String taskId;
    private final Decision decision;
    private final String comment;

    DecideTaskCommand(TaskService tasks, RuntimeService runtime, AuditLog audit, EffectJournal journal,
            Caller caller, String taskId, Decision decision, String comment) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.audit = audit;
        this.journal = journal;
        this.caller = caller;
        this.taskId = taskId;
        this.decision = decision;
        this.comment = comment;
    }

    @Override
    public Result execute(CommandContext context) {
        Task task = tasks.createTaskQuery().taskId(taskId).includeProcessVariables().singleResult();
        if (task == null || !TaskAccess.mayAct(caller, task.getAssignee(), tasks.getIdentityLinksForTask(taskId))) {
            return null;
        }
        Map<String, Object> variables = task.getProcessVariables();
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(String.valueOf(caller.id())); // the comment's author
        try {
            if (!comment.isEmpty()) {
                tasks.addComment(taskId, task.getProcessInstanceId(), comment);
            }
            tasks.setVariableLocal(taskId, ApprovalVariables.OUTCOME, decision.outcome());
            if (task.getProcessInstanceId() != null) {
                runtime.setVariable(task.getProcessInstanceId(), ApprovalVariables.OUTCOME, decision.outcome());
            }
            tasks.complete(taskId);
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
        try {
            Connection connection = CommandJdbc.connection(context);
            Object formId = variables.get(ApprovalVariables.FORM_ID);
            Object recordId = variables.get(ApprovalVariables.RECORD_ID);
            boolean aboutRecord = formId != null && recordId != null;
            // filed under the record (form-engine's convention: entity rec_<formId>, id = record id), so it shows in its history
            audit.record(connection, caller.id(), "task." + decision.outcome(), aboutRecord ? "rec_" + formId : "task",
                    aboutRecord ? recordId.toString() : taskId, auditDetail(task, variables));
            if (aboutRecord) {
                journal.enqueue(connection, RECORD_UPDATE, "task:" + taskId, recordUpdate(variables));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision on task " + taskId, e);
        }
        return new Result(taskId, decision.outcome(), task.getProcessInstanceId());
    }

    /** The contract with form-engine: write the outcome to the record's status field. */
    private Map<String, Object> recordUpdate(Map<String, Object> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object statusField = variables.get(ApprovalVariables.STATUS_FIELD);
        if (statusField != null && !statusField.toString().isBlank()) {
            values.put(statusField.toString(), decision.outcome());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("formId", variables.get(ApprovalVariables.FORM_ID));
        payload.put("recordId", variables.get(ApprovalVariables.RECORD_ID));
        payload.put("values", values);
        payload.put("actorId", caller.id());
        payload.put("comment", comment);
        payload.put("taskId", taskId);
        return payload;
    }

    private Map<String, Object> auditDetail(Task task, Map<String, Object> variables) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", taskId);
        detail.put("taskName", task.getName());
        detail.put("processInstanceId", task.getProcessInstanceId());
        detail.put("formId", variables.get(ApprovalVariables.FORM_ID));
        detail.put("recordId", variables.get(ApprovalVariables.RECORD_ID));
        detail.put("outcome", decision.outcome());
        detail.put("comment", comment);
        return detail;
    }
}
