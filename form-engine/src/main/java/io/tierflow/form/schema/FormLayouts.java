package io.tierflow.form.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.FormLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Replaces a form's page layout (tabs, sections, columns) after checking it against the live fields: every key
 * is a field of the form and placed at most once, 1–4 columns, titles of at most 100 characters. Fields the
 * layout leaves out are kept in an untitled section at the end, so no field ever disappears from the pages.
 * Metadata only: the record table is untouched.
 */
@ApplicationScoped
public class FormLayouts {

    static final int MAX_TABS = 20;
    static final int MAX_SECTIONS = 50;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    /** The layout the record pages use for the form: its own, or one section with every field. */
    public Uni<FormLayout> get(String ref) {
        return sessions.withSession(session -> forms.load(session, ref)).map(FormLayout::of);
    }

    /** Stores {@code layout}; {@code null} or no tabs goes back to the standard layout. Builders only. */
    public Uni<FormDefinition> set(Caller caller, String ref, FormLayout layout) {
        if (caller.role() == Role.SALES) {
            throw Problem.forbidden("form.builder-only");
        }
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            FormLayout stored = layout == null || layout.tabs().isEmpty() ? null : checked(form, layout);
            return NativeSql.update(session, "UPDATE form SET layout = " + NativeSql.jsonParam(1)
                            + ", revision = revision + 1 WHERE id = ?2", stored == null ? null : JsonText.write(json, stored),
                            form.id())
                    .chain(() -> audit.record(session, caller.id(), "form.layout", "form", Long.toString(form.id()),
                            Map.of("tabs", stored == null ? 0 : stored.tabs().size(),
                                    "sections", stored == null ? 0 : stored.tabs().stream().mapToInt(t -> t.sections().size()).sum())))
                    .chain(() -> forms.load(session, form.id()));
        }));
    }

    /** The layout as it will be stored (titles trimmed, columns set, unplaced fields appended), or a 400 naming each problem. */
    static FormLayout checked(FormDefinition form, FormLayout layout) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> live = new HashSet<>(form.fields().stream().map(FieldDefinition::key).toList());
        Set<String> placed = new HashSet<>();
        if (layout.tabs().size() > MAX_TABS) {
            problems.add(new FieldProblem("tabs", "form.layout.too-many-tabs", MAX_TABS));
        }
        List<FormLayout.Tab> tabs = new ArrayList<>();
        for (int t = 0; t < layout.tabs().size(); t++) {
            FormLayout.Tab tab = layout.tabs().get(t);
            String tabPath = "tabs[" + t + "]";
            String tabTitle = title(tab.title(), tabPath + ".title", problems);
            if (tabTitle == null && layout.tabs().size() > 1) {
                problems.add(new FieldProblem(tabPath + ".title", "form.layout.tab-title-required"));
            }
            if (tab.sections().size() > MAX_SECTIONS) {
                problems.add(new FieldProblem(tabPath + ".sections", "form.layout.too-many-sections", MAX_SECTIONS));
            }
            List<FormLayout.Section> sections = new ArrayList<>();
            for (int s = 0; s < tab.sections().size(); s++) {
                FormLayout.Section section = tab.sections().get(s);
                String path = tabPath + ".sections[" + s + "]";
                String title = title(section.title(), path + ".title", problems);
                Integer columns = section.columns();
                if (columns != null && (columns < FormLayout.MIN_COLUMNS || columns > FormLayout.MAX_COLUMNS)) {
                    problems.add(new FieldProblem(path + ".columns", "form.layout.columns", FormLayout.MIN_COLUMNS, FormLayout.MAX_COLUMNS));
                }
                for (int f = 0; f < section.fields().size(); f++) {
                    String key = section.fields().get(f);
                    if (!live.contains(key)) {
                        problems.add(new FieldProblem(path + ".fields[" + f + "]", "form.value.unknown-field", key));
                    } else if (!placed.add(key)) {
                        problems.add(new FieldProblem(path + ".fields[" + f + "]", "form.layout.field-twice", key));
                    }
                }
                sections.add(new FormLayout.Section(title, columns == null ? FormLayout.DEFAULT_COLUMNS : columns, section.fields()));
            }
            tabs.add(new FormLayout.Tab(tabTitle, sections));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return new FormLayout(tabs).placeAll(form.fields().stream().map(FieldDefinition::key).toList());
    }

    private static String title(String title, String path, List<FieldProblem> problems) {
        String t = title == null ? null : title.strip();
        if (t != null && t.length() > FormLayout.MAX_TITLE) {
            problems.add(new FieldProblem(path, "form.layout.title-long", FormLayout.MAX_TITLE));
        }
        return t == null || t.isEmpty() ? null : t;
    }
}
