package io.tierflow.flow.task;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.journal.EffectJournal;

/** Validates an approver's decision and applies it through {@link DecideTaskCommand}. */
@ApplicationScoped
public class TaskDecisions {

    public static final int MAX_COMMENT = 2000;

    @Inject
    ManagementService management;

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    AuditLog audit;

    @Inject
    EffectJournal journal;

    public DecideTaskCommand.Result decide(Caller caller, String taskId, Decision decision, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (decision == Decision.REJECT && text.isEmpty()) {
            throw Problem.invalid(List.of()).field("comment", "flow.task.comment-required");
        }
        if (text.length() > MAX_COMMENT) {
            throw Problem.invalid(List.of()).field("comment", "flow.task.comment-long", String.valueOf(MAX_COMMENT));
        }
        DecideTaskCommand.Result result;
        try {
            result = management.executeCommand(new DecideTaskCommand(tasks, runtime, audit, journal, caller, taskId, decision, text));
        } catch (FlowableObjectNotFoundException e) {
            result = null; // completed or deleted between our read and the completion
        } catch (FlowableOptimisticLockingException e) {
            throw Problem.conflict("flow.task.concurrent", taskId);
        }
        if (result == null) {
            throw Problem.notFound("flow.task.not-found", taskId);
        }
        return result;
    }
}
