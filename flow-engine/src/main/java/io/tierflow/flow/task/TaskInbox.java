package io.tierflow.flow.task;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import io.tierflow.core.identity.Caller;
import io.tierflow.flow.ApprovalVariables;
import io.tierflow.flow.todo.TodoTasks;

/** The caller's open tasks, approvals and to-dos: assigned to them, or offered to their role. Newest first. */
@ApplicationScoped
public class TaskInbox {

    static final int LIMIT = 500;

    @Inject
    TaskService tasks;

    @Inject
    RepositoryService repository;

    /** Definition id → key; definitions never change once deployed. */
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    public List<TaskView> of(Caller caller) {
        return tasks.createTaskQuery()
                .or().taskAssignee(String.valueOf(caller.id())).taskCandidateGroup(caller.role().name()).endOr()
                .includeProcessVariables()
                .includeTaskLocalVariables() // a to-do has no process: its record is in task-local variables
                .orderByTaskCreateTime().desc()
                .listPage(0, LIMIT).stream()
                .map(this::view)
                .toList();
    }

    private TaskView view(Task t) {
        boolean todo = TodoTasks.CATEGORY.equals(t.getCategory());
        Map<String, Object> v = todo ? t.getTaskLocalVariables() : t.getProcessVariables();
        return new TaskView(t.getId(), t.getName(), processKey(t.getProcessDefinitionId()),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant().toString(),
                number(v.get(ApprovalVariables.FORM_ID)), text(v.get(ApprovalVariables.FORM_KEY)),
                text(v.get(ApprovalVariables.FORM_NAME)), number(v.get(ApprovalVariables.RECORD_ID)),
                text(v.get(ApprovalVariables.TITLE)), text(v.get(ApprovalVariables.TIER)),
                todo ? TaskView.TODO : TaskView.APPROVAL,
                t.getDueDate() == null ? null : t.getDueDate().toInstant().toString());
    }

    private String processKey(String definitionId) {
        if (definitionId == null) {
            return null;
        }
        return processKeys.computeIfAbsent(definitionId, id -> repository.getProcessDefinition(id).getKey());
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
