package io.tierflow.ui.records;

import static io.tierflow.ui.records.JsonMaps.list;
import static io.tierflow.ui.records.JsonMaps.strings;
import static io.tierflow.ui.records.JsonMaps.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.ui.web.Times;

/**
 * A record's approvals as the record page lists them, made from flow-engine's
 * {@code ProcessQueries.processesOf} maps: statuses and outcomes in the user's language with a badge
 * style, times in minutes, people by display name.
 */
final class ApprovalHistory {

    @TemplateData
    public record Process(String name, TierBadge tier, String status, String statusCss, String started, String ended,
            String startedBy, List<Task> tasks) {
    }

    @TemplateData
    public record Task(String name, String assignee, String outcome, String outcomeCss, String created, String ended,
            List<Comment> comments) {
    }

    @TemplateData
    public record Comment(String author, String time, String message) {
    }

    private ApprovalHistory() {
    }

    /** @param tiers the badge of a tier of this record's form */
    static List<Process> of(List<Map<String, Object>> processes, Locale locale, Function<String, TierBadge> tiers) {
        List<Process> out = new ArrayList<>();
        for (Map<String, Object> p : processes) {
            List<Task> tasks = new ArrayList<>();
            for (Map<String, Object> t : list(p.get("tasks"))) {
                tasks.add(task(t, locale));
            }
            String outcome = text(p.get("outcome"));
            String status = text(p.get("status"));
            // a decided approval reads best by its decision; one still running or cancelled by its state
            String state = outcome != null ? "outcome." + outcome : "status." + status;
            String name = localName(text(p.get("processName")), locale);
            String tier = text(p.get("tier"));
            out.add(new Process(name == null ? Messages.text(locale, "ui.records.history.process") : name,
                    tier == null ? null : tiers.apply(tier),
                    Messages.text(locale, "ui.records.process." + state), css(outcome != null ? outcome : status),
                    Times.format(text(p.get("startTime"))), Times.format(text(p.get("endTime"))),
                    person(p.get("startedByName"), p.get("startedBy")), tasks));
        }
        return out;
    }

    private static Task task(Map<String, Object> t, Locale locale) {
        String outcome = text(t.get("outcome"));
        String state = outcome != null ? outcome : t.get("endTime") == null ? "pending" : "done";
        String assignee = person(t.get("assigneeName"), t.get("assignee"));
        if (assignee == null && !list(t.get("candidateGroups")).isEmpty()) {
            assignee = Messages.text(locale, "ui.records.process.group", String.join(", ", strings(t.get("candidateGroups"))));
        }
        List<Comment> comments = new ArrayList<>();
        for (Map<String, Object> c : list(t.get("comments"))) {
            comments.add(new Comment(person(c.get("userName"), c.get("userId")), Times.format(text(c.get("time"))), text(c.get("message"))));
        }
        return new Task(localName(text(t.get("name")), locale), assignee, Messages.text(locale, "ui.records.process.outcome." + state),
                css(state), Times.format(text(t.get("createdAt"))), Times.format(text(t.get("endTime"))), comments);
    }

    /** Badge style by state; unknown states stay neutral. */
    private static String css(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "approved", "completed" -> "badge-success";
            case "rejected", "cancelled" -> "badge-danger";
            case "running", "pending" -> "badge-primary";
            default -> "";
        };
    }

    /**
     * The processes' BPMN names are bilingual ("等级审批 / Tier approval"): the part for the user's
     * language; a name without " / " is shown as it is.
     */
    static String localName(String name, Locale locale) {
        if (name == null || !name.contains(" / ")) {
            return name;
        }
        String[] parts = name.split(" / ", 2);
        return (Messages.supported(locale) == Messages.ZH ? parts[0] : parts[1]).strip();
    }

    private static String person(Object name, Object id) {
        return name != null ? name.toString() : id == null ? null : "#" + id;
    }
}
