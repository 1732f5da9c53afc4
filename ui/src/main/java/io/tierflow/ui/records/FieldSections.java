package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import io.tierflow.form.model.FormLayout;

/**
 * A record form's inputs arranged by the form's layout (tabs, titled sections, 1–4 columns) for
 * records/sections.html: {@code {#let sections=layout.arrange(inputs)}}. Inputs the role does not see are not
 * in {@code inputs} and so nowhere; sections and tabs left empty are dropped. The first tab with an error is
 * the open one, so the field that gets the focus is on screen.
 */
@TemplateData
public record FieldSections(List<Tab> tabs) {

    @TemplateData
    public record Tab(int index, String title, List<Section> sections, boolean invalid, boolean active) {

        /** The panel's element id; the tab button is {@code <id>-tab}. */
        public String id() {
            return "form-tab-" + index;
        }
    }

    @TemplateData
    public record Section(String title, int columns, List<FieldInput> inputs) {
    }

    /** More than one tab shows the tab bar; a single tab is just its sections. */
    public boolean tabbed() {
        return tabs.size() > 1;
    }

    @TemplateExtension
    static FieldSections arrange(FormLayout layout, List<FieldInput> inputs) {
        return of(layout, inputs);
    }

    public static FieldSections of(FormLayout layout, List<FieldInput> inputs) {
        Map<String, FieldInput> byKey = new LinkedHashMap<>();
        inputs.forEach(i -> byKey.put(i.key(), i));
        List<Tab> tabs = new ArrayList<>();
        boolean opened = false;
        List<FormLayout.Tab> given = layout == null ? List.of() : layout.tabs();
        int invalidTab = -1;
        List<List<Section>> arranged = new ArrayList<>();
        for (FormLayout.Tab t : given) {
            List<Section> sections = new ArrayList<>();
            for (FormLayout.Section s : t.sections()) {
                List<FieldInput> placed = s.fields().stream().map(byKey::remove).filter(i -> i != null).toList();
                if (!placed.isEmpty()) {
                    sections.add(new Section(s.title(), s.columnCount(), placed));
                }
            }
            arranged.add(sections);
        }
        if (!byKey.isEmpty()) { // no layout, or inputs it does not place: at the end, as the standard layout would
            if (arranged.isEmpty()) {
                arranged.add(new ArrayList<>());
            }
            arranged.get(arranged.size() - 1).add(new Section(null, FormLayout.DEFAULT_COLUMNS, List.copyOf(byKey.values())));
        }
        for (int i = 0; i < arranged.size(); i++) {
            if (invalidTab < 0 && arranged.get(i).stream().flatMap(s -> s.inputs().stream()).anyMatch(f -> f.error() != null)) {
                invalidTab = i;
            }
        }
        for (int i = 0; i < arranged.size(); i++) {
            List<Section> sections = arranged.get(i);
            if (sections.isEmpty()) {
                continue;
            }
            boolean invalid = sections.stream().flatMap(s -> s.inputs().stream()).anyMatch(f -> f.error() != null);
            boolean active = invalidTab >= 0 ? i == invalidTab : !opened;
            opened |= active;
            String title = i < given.size() ? given.get(i).title() : null;
            tabs.add(new Tab(tabs.size(), title, List.copyOf(sections), invalid, active));
        }
        if (tabs.isEmpty()) {
            tabs.add(new Tab(0, null, List.of(new Section(null, FormLayout.DEFAULT_COLUMNS, List.of())), false, true));
        }
        return new FieldSections(List.copyOf(tabs));
    }
}
