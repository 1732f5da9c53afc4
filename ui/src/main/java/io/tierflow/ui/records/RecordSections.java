package io.tierflow.ui.records;

import static io.tierflow.ui.records.JsonMaps.map;
import static io.tierflow.ui.records.JsonMaps.strings;
import static io.tierflow.ui.records.JsonMaps.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.RelatedRecords;
import io.tierflow.form.record.RuleLog;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.Times;

/**
 * The record page's sections about other things than its own values: the records of other forms that link to
 * it (the reverse side of their relations, from {@link RelatedRecords}) and the trigger rules that ran for it
 * ({@link RuleLog}). Both as the caller may see them.
 */
@ApplicationScoped
public class RecordSections {

    /** The records of one form that link here through one relation field. */
    @TemplateData
    public record RelatedGroup(String formKey, String formName, String fieldKey, String fieldLabel, List<RelatedItem> items,
            boolean full, String newHref) {

        /** Keys are [A-Za-z0-9_], safe in ids. */
        public String id() {
            return "related-" + formKey + "-" + fieldKey;
        }
    }

    @TemplateData
    public record RelatedItem(String title, String href, TierBadge tier, String updated) {
    }

    /** One run of a trigger rule: when, which rule, on what, whether its condition held and what it did. */
    @TemplateData
    public record RuleRun(String time, String rule, String event, boolean fired, List<String> actions, Long version) {
    }

    @Inject
    RelatedRecords related;

    @Inject
    RuleLog ruleLog;

    @Inject
    FormService forms;

    @Inject
    RelationTitles titles;

    @Inject
    RecordFields fields;

    public Uni<List<RelatedGroup>> related(Caller caller, FormDefinition form, long id, String noTier) {
        return related.of(caller, form.key(), id).chain(groups -> {
            List<RelatedGroup> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RelatedRecords.Group g : groups) {
                chain = chain.chain(() -> forms.get(g.form()).invoke(child -> out.add(group(caller, child, g, id, noTier))))
                        .replaceWithVoid();
            }
            return chain.replaceWith(out);
        });
    }

    private RelatedGroup group(Caller caller, FormDefinition child, RelatedRecords.Group g, long id, String noTier) {
        List<RelatedItem> items = new ArrayList<>();
        for (RecordView r : g.records()) {
            items.add(new RelatedItem(titles.title(child, r), RelationTitles.href(child, r.id()),
                    TierBadge.of(child, r.tier(), noTier), Times.format(r.updatedAt())));
        }
        RoleAccess access = child.permissions().access(caller.role());
        FieldDefinition relation = child.field(g.field()).orElse(null);
        // "new" opens the other form's create page with the link to this record filled in
        String newHref = access.may("create") && relation != null && fields.writable(child, access, relation.key())
                ? "/forms/" + child.key() + "/new?" + RecordFields.PARAM_PREFIX + relation.key() + "=" + id
                : null;
        return new RelatedGroup(child.key(), child.name(), g.field(), g.fieldLabel(), items, items.size() >= 50, newHref);
    }

    /** The rule log, newest first; empty for a caller who may not see it rather than an error on the page. */
    public Uni<List<RuleRun>> ruleLog(Caller caller, FormDefinition form, long id, Locale locale) {
        return ruleLog.of(caller, form.key(), id).map(rows -> {
            List<RuleRun> runs = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> result = map(row.get("result"));
                String name = text(result.get("name"));
                String event = text(row.get("event"));
                List<String> actions = strings(result.get("actions")).stream()
                        .map(a -> label(locale, "ui.records.rules.action." + a, a)).toList();
                Object version = result.get("version");
                runs.add(new RuleRun(Times.format(text(row.get("at"))), name == null || name.isBlank() ? text(row.get("rule")) : name,
                        event == null ? "" : label(locale, "ui.records.rules.event." + event, event),
                        Boolean.TRUE.equals(result.get("condition")), actions,
                        version instanceof Number n ? n.longValue() : null));
            }
            return runs;
        }).onFailure(Problem.class).recoverWithItem(List.of());
    }

    /** A message if there is one for the code, else the raw name (an action type added after this page was written). */
    private static String label(Locale locale, String code, String fallback) {
        String text = Messages.text(locale, code);
        return text.equals(code) ? fallback : text;
    }
}
