package io.tierflow.flow.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;

import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;

/** Completes a to-do task through {@link CompleteTodoCommand}: 404 when it is not there for the caller, 409 for an approval. */
@ApplicationScoped
public class TodoCompletions {

    @Inject
    ManagementService management;

    @Inject
    TaskService tasks;

    @Inject
    AuditLog audit;

    public void complete(Caller caller, String taskId) {
        CompleteTodoCommand.Outcome outcome;
        try {
            outcome = management.executeCommand(new CompleteTodoCommand(tasks, audit, caller, taskId));
        } catch (FlowableObjectNotFoundException e) {
            outcome = CompleteTodoCommand.Outcome.NOT_FOUND; // completed or deleted between our read and the completion
        } catch (FlowableOptimisticLockingException e) {
            throw Problem.conflict("flow.task.concurrent", taskId);
        }
        switch (outcome) {
            case NOT_FOUND -> throw Problem.notFound("flow.task.not-found", taskId);
            case NOT_TODO -> throw Problem.conflict("flow.task.not-todo", taskId);
            case COMPLETED -> {
            }
        }
    }
}
