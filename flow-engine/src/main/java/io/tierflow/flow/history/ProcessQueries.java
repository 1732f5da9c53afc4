package io.tierflow.flow.history;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.task.Comment;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.history.HistoricTaskInstance;

import io.tierflow.flow.ApprovalVariables;

/**
 * The approval history of one record: every process started for it (newest first), each with
 * its tasks in order, who had them, what they decided and what they wrote.
 */
@ApplicationScoped
public class ProcessQueries {

    @Inject
    HistoryService history;

    @Inject
    TaskService tasks;

    @Inject
    UserNames userNames;

    public List<Map<String, Object>> processesOf(long formId, long recordId) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(ApprovalVariables.businessKey(formId, recordId))
                .includeProcessVariables()
                .orderByProcessInstanceStartTime().desc()
                .list();
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (HistoricProcessInstance p : instances) {
            out.add(process(p, users));
        }
        nameUsers(out, userNames.of(users));
        return out;
    }

    private Map<String, Object> process(HistoricProcessInstance p, Set<String> users) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getId());
        m.put("processKey", p.getProcessDefinitionKey());
        m.put("processName", p.getProcessDefinitionName());
        m.put("name", p.getName());
        m.put("tier", p.getProcessVariables().get(ApprovalVariables.TIER));
        m.put("startedBy", p.getStartUserId());
        m.put("startTime", iso(p.getStartTime()));
        m.put("endTime", iso(p.getEndTime()));
        m.put("status", p.getEndTime() == null ? "running" : p.getDeleteReason() == null ? "completed" : "cancelled");
        m.put("outcome", p.getProcessVariables().get(ApprovalVariables.OUTCOME));
        List<Comment> comments = tasks.getProcessInstanceComments(p.getId());
        List<Map<String, Object>> taskViews = new ArrayList<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(p.getId())
                .includeTaskLocalVariables().orderByHistoricTaskInstanceStartTime().asc().list()) {
            taskViews.add(task(t, comments, users));
        }
        m.put("tasks", taskViews);
        users.add(p.getStartUserId());
        return m;
    }

    private Map<String, Object> task(HistoricTaskInstance t, List<Comment> comments, Set<String> users) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("name", t.getName());
        m.put("assignee", t.getAssignee());
        m.put("candidateGroups", history.getHistoricIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).distinct().toList());
        m.put("createdAt", iso(t.getCreateTime()));
        m.put("endTime", iso(t.getEndTime()));
        m.put("outcome", t.getTaskLocalVariables().get(ApprovalVariables.OUTCOME));
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Comment c : comments) {
            if (t.getId().equals(c.getTaskId())) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("userId", c.getUserId());
                n.put("time", iso(c.getTime()));
                n.put("message", c.getFullMessage());
                notes.add(n);
                users.add(c.getUserId());
            }
        }
        notes.sort((a, b) -> String.valueOf(a.get("time")).compareTo(String.valueOf(b.get("time"))));
        m.put("comments", notes);
        users.add(t.getAssignee());
        return m;
    }

    /** Adds display names next to user ids, once all ids of the answer are known (one query). */
    @SuppressWarnings("unchecked")
    private static void nameUsers(List<Map<String, Object>> processes, Map<String, String> names) {
        for (Map<String, Object> p : processes) {
            p.put("startedByName", names.get((String) p.get("startedBy")));
            for (Map<String, Object> t : (List<Map<String, Object>>) p.get("tasks")) {
                t.put("assigneeName", names.get((String) t.get("assignee")));
                for (Map<String, Object> c : (List<Map<String, Object>>) t.get("comments")) {
                    c.put("userName", names.get((String) c.get("userId")));
                }
            }
        }
    }

    private static String iso(Date d) {
        return d == null ? null : d.toInstant().toString();
    }
}
