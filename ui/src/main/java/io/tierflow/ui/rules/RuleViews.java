package io.tierflow.ui.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.ruleset.RetierJob;
import io.tierflow.form.ruleset.RuleSet;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.SingleSelectFieldType;
import io.tierflow.ui.records.TierBadge;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Times;

/** The small views of the tier model pages: version rows, job progress, the approval binding, the editor's catalog. */
@RequestScoped
public class RuleViews {

    /** One version in the list and in the editor's heading. */
    @TemplateData
    public record VersionRow(int version, String status, String statusText, String note, String createdBy, String createdAt,
            String publishedBy, String publishedAt, String updatedAt, String href, List<TierBadge> tiers, int ruleCount) {

        public boolean draft() {
            return RuleSet.DRAFT.equals(status);
        }

        public boolean published() {
            return RuleSet.PUBLISHED.equals(status);
        }

        public boolean archived() {
            return RuleSet.ARCHIVED.equals(status);
        }
    }

    /** A re-tier job's progress; {@code url} is what htmx polls while it runs. */
    @TemplateData
    public record JobView(long id, int version, String status, String statusText, String cause, boolean running, int percent,
            long processed, long total, long changed, long approvals, String error, String url, String finishedAt) {
    }

    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    /** The approval binding's inputs: tick "start an approval", the tiers, the status field and the process. */
    @TemplateData
    public record ApprovalView(boolean enabled, List<Choice> tiers, List<Choice> statusFields, String process,
            String tiersError, String statusError) {
    }

    @Inject
    Pages pages;

    @Inject
    UserDirectory users;

    @Inject
    FieldTypes types;

    @Inject
    FormulaLinkNames linkNames;

    @Inject
    ObjectMapper json;

    Uni<List<VersionRow>> versions(FormDefinition def, List<RuleSet> sets) {
        Set<Long> ids = new LinkedHashSet<>();
        sets.forEach(s -> {
            if (s.createdBy() != null) {
                ids.add(s.createdBy());
            }
            if (s.publishedBy() != null) {
                ids.add(s.publishedBy());
            }
        });
        return names(ids).map(names -> sets.stream().map(s -> row(def, s, names)).toList());
    }

    Uni<VersionRow> version(FormDefinition def, RuleSet set) {
        return versions(def, List.of(set)).map(rows -> rows.get(0));
    }

    private VersionRow row(FormDefinition def, RuleSet s, Map<Long, String> names) {
        List<String> tiers = io.tierflow.ui.web.TierColours.tiers(s.tierModel());
        return new VersionRow(s.version(), s.status(), pages.text("ui.rules.status." + s.status()), s.note(),
                s.createdBy() == null ? null : names.get(s.createdBy()), Times.format(s.createdAt()),
                s.publishedBy() == null ? null : names.get(s.publishedBy()), Times.format(s.publishedAt()),
                Times.format(s.updatedAt()), RulesPage.editorPath(def, s.version()),
                tiers.stream().map(t -> new TierBadge(t, io.tierflow.ui.web.TierColours.css(t, tiers))).toList(),
                s.tierModel().rules().size());
    }

    private Uni<Map<Long, String>> names(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Caller>> lookups = new ArrayList<>();
        ids.forEach(id -> lookups.add(users.findById(id).map(found -> found.orElse(null))));
        return Uni.join().all(lookups).andFailFast().map(found -> {
            Map<Long, String> names = new HashMap<>();
            found.stream().filter(c -> c != null).forEach(c -> names.put(c.id(), c.displayName()));
            return names;
        });
    }

    JobView job(String formKey, RetierJob j) {
        return new JobView(j.id(), j.ruleVersion(), j.status(), pages.text("ui.rules.job.status." + j.status()),
                pages.text("ui.rules.job.cause." + j.cause()), !j.finished(), (int) Math.floor(j.progress() * 100), j.processed(),
                j.total(), j.changed(), j.approvals(), j.error(), "/forms/" + formKey + "/rules/jobs/" + j.id(),
                Times.format(j.finishedAt()));
    }

    ApprovalView approval(FormDefinition def, RuleEditor edit, ApprovalBinding approval, Map<String, String> errors) {
        Set<String> tiers = new LinkedHashSet<>(edit.tiers());
        if (approval != null) {
            tiers.addAll(approval.tiers());
        }
        List<Choice> tierChoices = tiers.stream().map(t -> new Choice(t, t, approval != null && approval.tiers().contains(t))).toList();
        String status = approval == null ? null : approval.statusField();
        List<Choice> fields = new ArrayList<>();
        for (FieldDefinition f : def.fields()) {
            if (types.get(f.type()) instanceof SingleSelectFieldType) {
                fields.add(new Choice(f.key(), f.label() + " (" + f.key() + ")", f.key().equals(status)));
            }
        }
        return new ApprovalView(approval != null, tierChoices, fields,
                approval == null ? ApprovalBinding.DEFAULT_PROCESS : approval.process(), errors.get("approval.tiers"),
                errors.get("approval.statusField"));
    }

    /**
     * What the formula editor offers: the fields the builder's role may see, with their types, the related records'
     * fields and lists ({@link FormulaLinkNames}), and its texts.
     */
    RawString catalog(FormDefinition def, Caller caller) {
        RoleAccess access = def.permissions().access(caller.role());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDefinition f : def.fields()) {
            if (access.hidden(f.key())) {
                continue;
            }
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", f.key());
            field.put("label", f.label());
            var type = types.get(f.type()).valueType(f);
            field.put("type", type.name());
            field.put("typeName", type.displayName(pages.locale()));
            fields.add(field);
        }
        fields.addAll(linkNames.of(def, pages.locale()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("form", def.key());
        data.put("fields", fields);
        data.put("text", FormulaEditorTexts.of(pages));
        return new RawString(script(data));
    }

    /** JSON for a {@code <script type="application/json">}: user text cannot close the element. */
    String script(Object data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("page data is not serialisable", e);
        }
    }
}
